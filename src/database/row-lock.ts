import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * `SELECT … FOR UPDATE` where the database has row locks (MySQL/MariaDB). SQLite has none and
 * TypeORM refuses the lock there; it needs none either, because Transactions runs SQLite
 * transactions one at a time.
 */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const type = query.connection.options.type;
  return type === 'mysql' || type === 'mariadb' ? query.setLock('pessimistic_write') : query;
}
