import { MentorshipRelation } from '../mentorship/relation.entity';
import { RelationState } from '../mentorship/relation-state';
import { bucketRelations } from './dashboard-buckets';

const me = 1;

function relation(
  id: number,
  mentorId: number | null,
  menteeId: number | null,
  actionUserId: number,
  state: RelationState,
) {
  return Object.assign(new MentorshipRelation(), { id, mentorId, menteeId, actionUserId, state });
}

describe('bucketRelations (API.md §3.9)', () => {
  it('puts each relation in its role, direction and state bucket, by ascending id', () => {
    const dashboard = bucketRelations(
      [
        relation(9, me, 2, me, RelationState.PENDING),
        relation(3, me, 2, me, RelationState.PENDING),
        relation(4, me, 3, 3, RelationState.ACCEPTED),
        relation(5, 2, me, me, RelationState.REJECTED),
        relation(6, 2, me, 2, RelationState.COMPLETED),
        relation(7, null, me, 2, RelationState.CANCELLED),
      ],
      me,
      (r) => r.id,
    );
    expect(dashboard).toEqual({
      as_mentor: {
        sent: { accepted: [], rejected: [], completed: [], cancelled: [], pending: [3, 9] },
        received: { accepted: [4], rejected: [], completed: [], cancelled: [], pending: [] },
      },
      as_mentee: {
        sent: { accepted: [], rejected: [5], completed: [], cancelled: [], pending: [] },
        received: { accepted: [], rejected: [], completed: [6], cancelled: [7], pending: [] },
      },
    });
  });
});
