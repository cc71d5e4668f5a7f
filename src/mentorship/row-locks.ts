import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * `SELECT … FOR UPDATE` where the database has row locks (MySQL/MariaDB). TypeORM refuses
 * pessimistic locks on SQLite, where Transactions already runs one transaction at a time, so
 * there the query is left as it is.
 */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const type = query.connection.options.type;
  return type === 'mysql' || type === 'mariadb' ? query.setLock('pessimistic_write') : query;
}
