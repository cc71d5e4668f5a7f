import { relationFields } from '../mentorship/relation.dto';
import { MentorshipRelation } from '../mentorship/relation.entity';
import { RelationState } from '../mentorship/relation-state';
import { TaskResponse } from '../tasks/task.dto';
import { User } from './user.entity';

/** GET /home (API.md §3.8). */
export class HomeResponse {
  name!: string;
  pending_requests!: number;
  accepted_requests!: number;
  rejected_requests!: number;
  completed_relations!: number;
  cancelled_relations!: number;
  /** Up to three done tasks, newest completion first. */
  achievements!: TaskResponse[];
}

/** A participant on the dashboard; all null once that user was deleted. */
export class DashboardUserRef {
  id!: number | null;
  /** The user's name (not username). */
  user_name!: string | null;
  photo_url!: string | null;
}

/** API.md §1.2 DashboardRelation: a Relation without `sent_by_me`, with richer user refs. */
export class DashboardRelationResponse {
  id!: number;
  action_user_id!: number;
  mentor!: DashboardUserRef;
  mentee!: DashboardUserRef;
  /** Epoch seconds (float). */
  creation_date!: number;
  accept_date!: number | null;
  start_date!: number | null;
  end_date!: number;
  /** 1 PENDING, 2 ACCEPTED, 3 REJECTED, 4 CANCELLED, 5 COMPLETED. */
  state!: RelationState;
  notes!: string;
}

export class DashboardStateBuckets {
  accepted!: DashboardRelationResponse[];
  rejected!: DashboardRelationResponse[];
  completed!: DashboardRelationResponse[];
  cancelled!: DashboardRelationResponse[];
  pending!: DashboardRelationResponse[];
}

export class DashboardDirections {
  sent!: DashboardStateBuckets;
  received!: DashboardStateBuckets;
}

/** GET /dashboard (API.md §3.9). */
export class DashboardResponse {
  as_mentor!: DashboardDirections;
  as_mentee!: DashboardDirections;
  /** Only present while the caller has an accepted relation: its open tasks. */
  tasks_todo?: TaskResponse[];
  /** Only present while the caller has an accepted relation: its done tasks. */
  tasks_done?: TaskResponse[];
}

function toUserRef(user: User | null | undefined): DashboardUserRef {
  return user
    ? { id: user.id, user_name: user.name, photo_url: user.photoUrl }
    : { id: null, user_name: null, photo_url: null };
}

export function toDashboardRelation(relation: MentorshipRelation): DashboardRelationResponse {
  return relationFields(relation, toUserRef);
}
