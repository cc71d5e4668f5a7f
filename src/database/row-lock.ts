import { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * `SELECT … FOR UPDATE` where the database has row locks (MySQL/MariaDB). SQLite has none and
 * TypeORM refuses the lock there; it needs none either, because Transactions runs SQLite
 * transactions one at a time.
 */
export function forUpdate<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  const type = query.connection.options.type;
  return type === 'mysql' || type === 'mariadb' ? query.setLock('pessimistic_write') : query;
}

/** The row with this `id`, locked for the rest of the transaction (see forUpdate), or null. */
export function findByIdForUpdate<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: number,
): Promise<T | null> {
  return forUpdate(
    manager.getRepository(entity).createQueryBuilder('locked').where('locked.id = :id', { id }),
  ).getOne();
}
