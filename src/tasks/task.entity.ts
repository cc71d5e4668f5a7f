import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MentorshipRelation } from '../mentorship/relation.entity';

/** API.md §5.1: a task of one relation's task list; `id` counts per relation from 1. */
@Entity('tasks')
export class Task {
  @PrimaryColumn({ name: 'relation_id', type: 'integer' })
  relationId!: number;

  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @ManyToOne(() => MentorshipRelation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'relation_id', foreignKeyConstraintName: 'FK_tasks_relation' })
  relation?: MentorshipRelation;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'is_done', type: 'boolean', default: false })
  isDone!: boolean;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'datetime', nullable: true })
  completedAt!: Date | null;
}
