import { MentorshipRelation } from '../mentorship/relation.entity';
import { RelationState } from '../mentorship/relation-state';

export const STATE_BUCKETS = ['accepted', 'rejected', 'completed', 'cancelled', 'pending'] as const;
export type StateBucket = (typeof STATE_BUCKETS)[number];

export type Buckets<T> = Record<StateBucket, T[]>;

export interface Dashboard<T> {
  as_mentor: { sent: Buckets<T>; received: Buckets<T> };
  as_mentee: { sent: Buckets<T>; received: Buckets<T> };
}

const BUCKET_OF_STATE: Record<RelationState, StateBucket> = {
  [RelationState.PENDING]: 'pending',
  [RelationState.ACCEPTED]: 'accepted',
  [RelationState.REJECTED]: 'rejected',
  [RelationState.CANCELLED]: 'cancelled',
  [RelationState.COMPLETED]: 'completed',
};

function emptyBuckets<T>(): Buckets<T> {
  return { accepted: [], rejected: [], completed: [], cancelled: [], pending: [] };
}

/**
 * API.md §3.9: every relation of the caller in exactly one bucket — role (mentor_id is the
 * caller, else mentee), direction (action_user_id is the caller), state — ascending id within.
 */
export function bucketRelations<T>(
  relations: MentorshipRelation[],
  callerId: number,
  render: (relation: MentorshipRelation) => T,
): Dashboard<T> {
  const dashboard: Dashboard<T> = {
    as_mentor: { sent: emptyBuckets(), received: emptyBuckets() },
    as_mentee: { sent: emptyBuckets(), received: emptyBuckets() },
  };
  for (const relation of [...relations].sort((a, b) => a.id - b.id)) {
    const role = relation.mentorId === callerId ? dashboard.as_mentor : dashboard.as_mentee;
    const direction = relation.actionUserId === callerId ? role.sent : role.received;
    direction[BUCKET_OF_STATE[relation.state]].push(render(relation));
  }
  return dashboard;
}
