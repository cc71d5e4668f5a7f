import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { RelationState } from './relation-state';

/**
 * API.md §1.1 Mentorship relation. Deleting a user nulls their side (ON DELETE SET NULL,
 * API.md §12 Q22). `action_user_id` (the sender) has no foreign key on purpose: it must keep
 * identifying the sender for `sent_by_me` even after the sender's account is gone.
 */
@Entity('mentorship_relations')
@Index('IDX_relations_mentor_state', ['mentorId', 'state'])
@Index('IDX_relations_mentee_state', ['menteeId', 'state'])
@Index('IDX_relations_state_end_date', ['state', 'endDate'])
export class MentorshipRelation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'mentor_id', type: 'integer', nullable: true })
  mentorId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mentor_id', foreignKeyConstraintName: 'FK_relations_mentor' })
  mentor?: User | null;

  @Column({ name: 'mentee_id', type: 'integer', nullable: true })
  menteeId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mentee_id', foreignKeyConstraintName: 'FK_relations_mentee' })
  mentee?: User | null;

  @Column({ name: 'action_user_id', type: 'integer' })
  actionUserId!: number;

  @Column({ name: 'creation_date', type: 'datetime' })
  creationDate!: Date;

  /** Never set (API.md Q15), kept for the response shape. */
  @Column({ name: 'accept_date', type: 'datetime', nullable: true })
  acceptDate!: Date | null;

  @Column({ name: 'start_date', type: 'datetime', nullable: true })
  startDate!: Date | null;

  @Column({ name: 'end_date', type: 'datetime' })
  endDate!: Date;

  @Column({ type: 'smallint' })
  state!: RelationState;

  @Column({ type: 'varchar', length: 400 })
  notes!: string;

  /** Highest task id handed out in this relation: task ids are never reused (API.md §5.1). */
  @Column({ name: 'last_task_id', type: 'integer', default: 0 })
  lastTaskId!: number;
}
