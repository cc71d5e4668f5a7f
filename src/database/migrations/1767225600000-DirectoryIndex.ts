import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Issue 7: the verified-member list (the clients' member list and search) pages through
 * (is_email_verified, id). Widening that index with `name` and `username_key` lets a search
 * of verified users, and the skipped rows of a deep page, be read from the index alone
 * instead of from full user rows. Schema builder only, so it runs on MariaDB and SQLite.
 *
 * The two indexes it replaces also led MariaDB astray on deep pages: it preferred the narrow
 * (is_email_verified, registration_date) index plus a filesort of every verified user over
 * walking the directory index in id order. The nightly cleanup job (unverified users only,
 * about a tenth of the table) reads through the directory index's is_email_verified prefix.
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
    await q.dropIndex('users', 'IDX_users_verified');
    await q.dropIndex('users', 'IDX_users_unverified_registration');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.createIndex(
      'users',
      new TableIndex({
        name: 'IDX_users_unverified_registration',
        columnNames: ['is_email_verified', 'registration_date'],
      }),
    );
    await q.createIndex(
      'users',
      new TableIndex({ name: 'IDX_users_verified', columnNames: ['is_email_verified', 'id'] }),
    );
    await q.dropIndex('users', 'IDX_users_verified_directory');
  }
}
