import { HttpStatus, Type } from '@nestjs/common';
import { MentorshipMessages as M } from './mentorship.messages';
import { RelationState } from './relation-state';

/**
 * Who may do what to a relation, as plain functions (ARCHITECTURE.md "How a request flows" §3).
 * The guard (relation-role.guard.ts) runs them in the contract's check order; services re-run
 * them inside their transaction on the freshly locked row, so a concurrent change answers with
 * the same status and message the guard would have given.
 */

/** The fields of a relation the access decisions look at. */
export interface RelationParties {
  mentorId: number | null;
  menteeId: number | null;
  actionUserId: number;
  state: RelationState;
}

export type RelationRoleName = 'sender' | 'receiver' | 'participant';

/** Where the caller stands: the receiver is the participant who did not send the request. */
export type CallerPosition = 'sender' | 'receiver' | 'outsider';

export interface Denial {
  status: HttpStatus;
  message: string;
}

export function isParticipant(relation: RelationParties, callerId: number): boolean {
  return relation.mentorId === callerId || relation.menteeId === callerId;
}

export function isSender(relation: RelationParties, callerId: number): boolean {
  return relation.actionUserId === callerId;
}

export function isReceiver(relation: RelationParties, callerId: number): boolean {
  return isParticipant(relation, callerId) && !isSender(relation, callerId);
}

export function callerPosition(relation: RelationParties, callerId: number): CallerPosition {
  if (isSender(relation, callerId)) return 'sender';
  return isParticipant(relation, callerId) ? 'receiver' : 'outsider';
}

export function hasRole(role: RelationRoleName, relation: RelationParties, callerId: number): boolean {
  switch (role) {
    case 'sender':
      return isSender(relation, callerId);
    case 'receiver':
      return isReceiver(relation, callerId);
    case 'participant':
      return isParticipant(relation, callerId);
  }
}

/**
 * The answer when the caller lacks the role. `sender` is used when the relation's own sender is
 * refused (accept/reject: "sent by yourself"), `other` for everyone else refused.
 */
export interface RoleDenials {
  sender?: Denial;
  other: Denial;
}

/** Something an endpoint loads after the relation, at its place in the check order (e.g. the task). */
export interface RelationLoader {
  /** Throws the endpoint's ApiError when the thing is missing; may attach what it loaded to `request`. */
  load(relationId: number, request: RelationRequestParts): Promise<void>;
}

/** What a loader may read from and write to the request. */
export interface RelationRequestParts {
  params: Record<string, string>;
  [key: string]: unknown;
}

export type RelationCheck =
  | { kind: 'state'; state: RelationState; denial: Denial }
  | { kind: 'role'; denials: RoleDenials }
  | { kind: 'load'; loader: Type<RelationLoader> };

/** One endpoint's access rule: where the id is, its 404 text, and its checks in contract order. */
export interface RelationRule {
  /** Route parameter holding the relation id. */
  param: string;
  notFound: string;
  /** Body checks the contract runs before gate G; returns the first failure. */
  body?: (body: unknown) => Denial | null;
  checks: RelationCheck[];
}

export const requireState = (state: RelationState, status: HttpStatus, message: string): RelationCheck => ({
  kind: 'state',
  state,
  denial: { status, message },
});

export const requireRole = (other: Denial, sender?: Denial): RelationCheck => ({
  kind: 'role',
  denials: { other, sender },
});

export const loadStep = (loader: Type<RelationLoader>): RelationCheck => ({ kind: 'load', loader });

/** A single pure check; null when it passes. Load steps are not pure and always pass here. */
export function checkDenial(
  check: RelationCheck,
  role: RelationRoleName,
  relation: RelationParties,
  callerId: number,
): Denial | null {
  switch (check.kind) {
    case 'state':
      return relation.state === check.state ? null : check.denial;
    case 'role':
      if (hasRole(role, relation, callerId)) return null;
      return (isSender(relation, callerId) && check.denials.sender) || check.denials.other;
    case 'load':
      return null;
  }
}

/** The first failing pure check, in order (used to re-check inside a transaction). */
export function firstDenial(
  checks: RelationCheck[],
  role: RelationRoleName,
  relation: RelationParties,
  callerId: number,
): Denial | null {
  for (const check of checks) {
    const denial = checkDenial(check, role, relation, callerId);
    if (denial) return denial;
  }
  return null;
}

const forbidden = (message: string): Denial => ({ status: HttpStatus.FORBIDDEN, message });

/** API.md §4.7–§4.10: the relation actions' rules, checks in the contract's order. */
export const RelationRules = {
  accept: {
    param: 'id',
    notFound: M.REQUEST_NOT_FOUND,
    checks: [
      requireState(RelationState.PENDING, HttpStatus.FORBIDDEN, M.NOT_PENDING),
      requireRole(forbidden(M.ACCEPT_NOT_INVOLVED), forbidden(M.ACCEPT_OWN_REQUEST)),
    ],
  },
  reject: {
    param: 'id',
    notFound: M.REQUEST_NOT_FOUND,
    checks: [
      requireState(RelationState.PENDING, HttpStatus.FORBIDDEN, M.NOT_PENDING),
      requireRole(forbidden(M.REJECT_NOT_INVOLVED), forbidden(M.REJECT_OWN_REQUEST)),
    ],
  },
  cancel: {
    param: 'id',
    notFound: M.REQUEST_NOT_FOUND,
    checks: [
      requireState(RelationState.ACCEPTED, HttpStatus.FORBIDDEN, M.NOT_ACCEPTED),
      requireRole(forbidden(M.CANCEL_NOT_INVOLVED)),
    ],
  },
  delete: {
    param: 'id',
    notFound: M.REQUEST_NOT_FOUND,
    checks: [
      requireState(RelationState.PENDING, HttpStatus.FORBIDDEN, M.NOT_PENDING),
      requireRole(forbidden(M.DELETE_NOT_SENDER)),
    ],
  },
} satisfies Record<string, RelationRule>;
