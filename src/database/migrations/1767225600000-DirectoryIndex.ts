import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Issue 7: the verified-member list (the clients' member list and search) pages through
 * (is_email_verified, id). Widening that index with `name` and `username_key` lets a search
 * of verified users, and the skipped rows of a deep page, be read from the index alone
 * instead of from full user rows. Schema builder only, so it runs on MariaDB and SQLite.
 */
export class DirectoryIndex1767225600000 implements MigrationInterface {
  name = 'DirectoryIndex1767225600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'users',
      new TableIndex({
        name: 'IDX_users_verified_directory',
        columnNames: ['is_email_verified', 'id', 'name', 'username_key'],
      }),
    );
    // Its prefix is the new index, so it only costs writes now.
    await q.dropIndex('users', 'IDX_users_verified');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'users',
      new TableIndex({ name: 'IDX_users_verified', columnNames: ['is_email_verified', 'id'] }),
    );
    await q.dropIndex('users', 'IDX_users_verified_directory');
  }
}
