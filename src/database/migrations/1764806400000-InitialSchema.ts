import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';

/**
 * The whole schema of API.md §1.1 plus the mail outbox. Written with the schema builder so the
 * same migration runs on MySQL/MariaDB and SQLite (DEPS.md §3.2); `npm run migration:check`
 * proves it matches the entities on both.
 */
export class InitialSchema1764806400000 implements MigrationInterface {
  name = 'InitialSchema1764806400000';

  public async up(q: QueryRunner): Promise<void> {
    const id = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment' as const,
    };
    const varchar = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const datetime = (name: string, isNullable = false) => ({ name, type: 'datetime', isNullable });
    const flag = (name: string) => ({ name, type: 'boolean', default: 0 });
    const integer = (name: string, isNullable = false) => ({ name, type: 'integer', isNullable });

    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          id,
          varchar('name', 30),
          varchar('username', 30),
          varchar('username_key', 30),
          varchar('email', 254),
          varchar('email_key', 254),
          varchar('password_hash', 100),
          datetime('registration_date'),
          flag('terms_and_conditions_checked'),
          flag('is_admin'),
          flag('is_email_verified'),
          datetime('email_verification_date', true),
          integer('current_mentorship_role', true),
          integer('membership_status', true),
          varchar('bio', 500, true),
          varchar('location', 80, true),
          varchar('occupation', 80, true),
          varchar('organization', 80, true),
          varchar('slack_username', 80, true),
          varchar('social_media_links', 500, true),
          varchar('skills', 500, true),
          varchar('interests', 200, true),
          varchar('resume_url', 200, true),
          varchar('photo_url', 200, true),
          flag('need_mentoring'),
          flag('available_to_mentor'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_users_username_key', columnNames: ['username_key'], isUnique: true }),
          new TableIndex({ name: 'UQ_users_email_key', columnNames: ['email_key'], isUnique: true }),
          new TableIndex({ name: 'IDX_users_verified', columnNames: ['is_email_verified', 'id'] }),
          new TableIndex({
            name: 'IDX_users_unverified_registration',
            columnNames: ['is_email_verified', 'registration_date'],
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'mentorship_relations',
        columns: [
          id,
          integer('mentor_id', true),
          integer('mentee_id', true),
          integer('action_user_id'),
          datetime('creation_date'),
          datetime('accept_date', true),
          datetime('start_date', true),
          datetime('end_date'),
          { name: 'state', type: 'smallint' },
          varchar('notes', 400),
          { name: 'last_task_id', type: 'integer', default: 0 },
        ],
        indices: [
          new TableIndex({ name: 'IDX_relations_mentor_state', columnNames: ['mentor_id', 'state'] }),
          new TableIndex({ name: 'IDX_relations_mentee_state', columnNames: ['mentee_id', 'state'] }),
          new TableIndex({ name: 'IDX_relations_state_end_date', columnNames: ['state', 'end_date'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_relations_mentor',
            columnNames: ['mentor_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'FK_relations_mentee',
            columnNames: ['mentee_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'tasks',
        columns: [
          { name: 'relation_id', type: 'integer', isPrimary: true },
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'description', type: 'text' },
          flag('is_done'),
          datetime('created_at'),
          datetime('completed_at', true),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_tasks_relation',
            columnNames: ['relation_id'],
            referencedTableName: 'mentorship_relations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'task_comments',
        columns: [
          id,
          integer('user_id', true),
          integer('task_id'),
          integer('relation_id'),
          datetime('creation_date'),
          datetime('modification_date', true),
          { name: 'comment', type: 'text' },
        ],
        indices: [
          new TableIndex({ name: 'IDX_task_comments_task', columnNames: ['relation_id', 'task_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'FK_task_comments_user',
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
            onUpdate: 'NO ACTION',
          }),
          new TableForeignKey({
            name: 'FK_task_comments_relation',
            columnNames: ['relation_id'],
            referencedTableName: 'mentorship_relations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'NO ACTION',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'mail_outbox',
        columns: [
          id,
          varchar('recipient', 254),
          varchar('subject', 255),
          varchar('template', 64),
          { name: 'context', type: 'text' },
          { name: 'attempts', type: 'integer', default: 0 },
          datetime('next_attempt_at'),
          datetime('locked_until', true),
          datetime('sent_at', true),
          varchar('last_error', 1000, true),
          datetime('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_mail_outbox_due', columnNames: ['sent_at', 'next_attempt_at'] }),
        ],
      }),
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.dropTable('mail_outbox');
    await q.dropTable('task_comments');
    await q.dropTable('tasks');
    await q.dropTable('mentorship_relations');
    await q.dropTable('users');
  }
}
