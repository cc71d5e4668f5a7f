import { HttpStatus } from '@nestjs/common';
import {
  callerPosition,
  firstDenial,
  hasRole,
  isParticipant,
  isReceiver,
  isSender,
  RelationParties,
  RelationRoleName,
  RelationRules,
} from './relation-access';
import { MentorshipMessages as M } from './mentorship.messages';
import { RelationState } from './relation-state';

const MENTOR = 1;
const MENTEE = 2;
const OUTSIDER = 3;
const STATES = [
  RelationState.PENDING,
  RelationState.ACCEPTED,
  RelationState.REJECTED,
  RelationState.CANCELLED,
  RelationState.COMPLETED,
];
const relation = (state: RelationState, sender = MENTEE): RelationParties => ({
  mentorId: MENTOR,
  menteeId: MENTEE,
  actionUserId: sender,
  state,
});

describe('relation roles', () => {
  it('tells sender, receiver and outsider apart', () => {
    const r = relation(RelationState.PENDING, MENTEE);
    expect([isSender(r, MENTEE), isReceiver(r, MENTEE), isParticipant(r, MENTEE)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([isSender(r, MENTOR), isReceiver(r, MENTOR), isParticipant(r, MENTOR)]).toEqual([
      false,
      true,
      true,
    ]);
    expect([isSender(r, OUTSIDER), isReceiver(r, OUTSIDER), isParticipant(r, OUTSIDER)]).toEqual([
      false,
      false,
      false,
    ]);
    expect(callerPosition(r, MENTEE)).toBe('sender');
    expect(callerPosition(r, MENTOR)).toBe('receiver');
    expect(callerPosition(r, OUTSIDER)).toBe('outsider');
  });

  it('works when the mentor sent the request', () => {
    const r = relation(RelationState.PENDING, MENTOR);
    expect(isSender(r, MENTOR)).toBe(true);
    expect(isReceiver(r, MENTEE)).toBe(true);
  });

  it('never matches a deleted participant (null id)', () => {
    const r = { ...relation(RelationState.ACCEPTED), mentorId: null };
    expect(isParticipant(r, MENTOR)).toBe(false);
    expect(isParticipant(r, MENTEE)).toBe(true);
  });

  it.each<[RelationRoleName, number, boolean]>([
    ['sender', MENTEE, true],
    ['sender', MENTOR, false],
    ['sender', OUTSIDER, false],
    ['receiver', MENTEE, false],
    ['receiver', MENTOR, true],
    ['receiver', OUTSIDER, false],
    ['participant', MENTEE, true],
    ['participant', MENTOR, true],
    ['participant', OUTSIDER, false],
  ])('hasRole(%s) for caller %d is %s', (role, caller, expected) => {
    expect(hasRole(role, relation(RelationState.PENDING), caller)).toBe(expected);
  });
});

const forbidden = (message: string) => ({ status: HttpStatus.FORBIDDEN, message });

/** Expected answer per action × state × caller (sender = mentee): null means allowed. */
const EXPECTED: Record<keyof typeof RelationRules, (state: RelationState, caller: number) => unknown> = {
  accept: (state, caller) =>
    state !== RelationState.PENDING
      ? forbidden(M.NOT_PENDING)
      : caller === MENTEE
        ? forbidden(M.ACCEPT_OWN_REQUEST)
        : caller === OUTSIDER
          ? forbidden(M.ACCEPT_NOT_INVOLVED)
          : null,
  reject: (state, caller) =>
    state !== RelationState.PENDING
      ? forbidden(M.NOT_PENDING)
      : caller === MENTEE
        ? forbidden(M.REJECT_OWN_REQUEST)
        : caller === OUTSIDER
          ? forbidden(M.REJECT_NOT_INVOLVED)
          : null,
  cancel: (state, caller) =>
    state !== RelationState.ACCEPTED
      ? forbidden(M.NOT_ACCEPTED)
      : caller === OUTSIDER
        ? forbidden(M.CANCEL_NOT_INVOLVED)
        : null,
  delete: (state, caller) =>
    state !== RelationState.PENDING
      ? forbidden(M.NOT_PENDING)
      : caller !== MENTEE
        ? forbidden(M.DELETE_NOT_SENDER)
        : null,
};
const ROLES: Record<keyof typeof RelationRules, RelationRoleName> = {
  accept: 'receiver',
  reject: 'receiver',
  cancel: 'participant',
  delete: 'sender',
};

describe.each(Object.keys(RelationRules) as (keyof typeof RelationRules)[])('%s rule', (action) => {
  const cases = STATES.flatMap((state) =>
    [MENTEE, MENTOR, OUTSIDER].map((caller) => [state, caller] as const),
  );
  it.each(cases)('state %d, caller %d', (state, caller) => {
    expect(firstDenial(RelationRules[action].checks, ROLES[action], relation(state), caller)).toEqual(
      EXPECTED[action](state, caller),
    );
  });
});
