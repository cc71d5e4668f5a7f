import { ApiProperty } from '@nestjs/swagger';
import { toEpochSeconds } from '@app/common';
import { User } from '../users/user.entity';
import { RelationState } from './relation-state';
import { MentorshipRelation } from './relation.entity';

/** Body of POST /mentorship_relation/send_request (API.md §4.2); checked by parseSendRequest. */
export class SendRequestDto {
  mentor_id!: number;
  mentee_id!: number;
  /** Epoch seconds, 4 to 24 weeks from now. */
  end_date!: number;
  /** Free text, at most 400 characters; may be empty. */
  notes!: string;
}

/** A participant of a relation; both keys are null when that user was deleted (API.md §1.2). */
export class RelationUserRef {
  id!: number | null;
  name!: string | null;
}

/** API.md §1.2 Relation. */
export class RelationResponse {
  id!: number;
  /** The user who sent the request. */
  action_user_id!: number;
  /** Whether the caller sent the request. */
  sent_by_me!: boolean;
  mentor!: RelationUserRef;
  mentee!: RelationUserRef;
  /** Epoch seconds (float). */
  creation_date!: number;
  /** Always null (API.md Q15). */
  accept_date!: number | null;
  /** Always null (API.md Q15). */
  start_date!: number | null;
  /** Epoch seconds (float). */
  end_date!: number;
  @ApiProperty({
    enum: [1, 2, 3, 4, 5],
    description: '1 PENDING, 2 ACCEPTED, 3 REJECTED, 4 CANCELLED, 5 COMPLETED',
  })
  state!: RelationState;
  notes!: string;
}

function toUserRef(user: User | null | undefined): RelationUserRef {
  return user ? { id: user.id, name: user.name } : { id: null, name: null };
}

/**
 * The fields every relation representation has (API.md §1.2). Relation and DashboardRelation
 * differ only in how a participant is referenced, and in Relation's `sent_by_me`.
 * Needs `mentor` and `mentee` joined (null when that side was deleted).
 */
export function relationFields<Ref>(
  relation: MentorshipRelation,
  toRef: (user: User | null | undefined) => Ref,
) {
  return {
    id: relation.id,
    action_user_id: relation.actionUserId,
    mentor: toRef(relation.mentor),
    mentee: toRef(relation.mentee),
    creation_date: toEpochSeconds(relation.creationDate),
    accept_date: toEpochSeconds(relation.acceptDate),
    start_date: toEpochSeconds(relation.startDate),
    end_date: toEpochSeconds(relation.endDate),
    state: relation.state,
    notes: relation.notes,
  };
}

export function toRelationResponse(relation: MentorshipRelation, callerId: number): RelationResponse {
  return { ...relationFields(relation, toUserRef), sent_by_me: relation.actionUserId === callerId };
}
