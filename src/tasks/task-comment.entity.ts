import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MentorshipRelation } from '../mentorship/relation.entity';
import { User } from '../users/user.entity';

/**
 * API.md §1.1 Task comment. The author link is nulled when the author is deleted (§12 Q22);
 * comments go with their relation, but survive their task's deletion (§5.4), so `task_id`
 * has no foreign key.
 */
@Entity('task_comments')
@Index('IDX_task_comments_task', ['relationId', 'taskId'])
export class TaskComment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'user_id', type: 'integer', nullable: true })
  userId!: number | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_task_comments_user' })
  user?: User | null;

  @Column({ name: 'task_id', type: 'integer' })
  taskId!: number;

  @Column({ name: 'relation_id', type: 'integer' })
  relationId!: number;

  @ManyToOne(() => MentorshipRelation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'relation_id', foreignKeyConstraintName: 'FK_task_comments_relation' })
  relation?: MentorshipRelation;

  @Column({ name: 'creation_date', type: 'datetime' })
  creationDate!: Date;

  @Column({ name: 'modification_date', type: 'datetime', nullable: true })
  modificationDate!: Date | null;

  @Column({ type: 'text' })
  comment!: string;
}
