import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An email waiting to be sent (RUNTIME.md Mail). Written in the same transaction as the change
 * that caused it; the sender claims a row by setting `locked_until`, so with several replicas
 * each email is sent by one of them.
 */
@Entity('mail_outbox')
@Index('IDX_mail_outbox_due', ['sentAt', 'nextAttemptAt'])
export class OutboxMail {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  /** JSON of the template variables. */
  @Column({ type: 'text' })
  context!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'datetime' })
  nextAttemptAt!: Date;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;
}
