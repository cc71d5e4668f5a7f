import { MentorshipMessages as M } from './mentorship.messages';
import { MAX_DURATION_SECONDS, MIN_DURATION_SECONDS, parseSendRequest } from './send-request';

const NOW = 1_700_000_000.5;
const CALLER = 7;
const valid = { mentor_id: 3, mentee_id: CALLER, end_date: NOW + 8 * 7 * 86_400, notes: '' };
const messageOf = (body: unknown): string | null => {
  try {
    parseSendRequest(body, CALLER, NOW);
    return null;
  } catch (error) {
    return (error as { getResponse(): { message: string } }).getResponse().message;
  }
};

describe('parseSendRequest (API.md §4.2 checks 1–10)', () => {
  it('accepts a valid request and names the sender role', () => {
    expect(parseSendRequest(valid, CALLER, NOW)).toEqual({
      mentorId: 3,
      menteeId: CALLER,
      endDate: valid.end_date,
      notes: '',
      senderRole: 'mentee',
    });
    expect(parseSendRequest({ ...valid, mentor_id: CALLER, mentee_id: 3 }, CALLER, NOW).senderRole).toBe(
      'mentor',
    );
  });

  it('reports missing keys in order, treating a non-object body as {}', () => {
    for (const body of [undefined, null, [], 'x', 5, {}]) expect(messageOf(body)).toBe(M.MENTOR_ID_MISSING);
    expect(messageOf({ mentor_id: 1 })).toBe(M.MENTEE_ID_MISSING);
    expect(messageOf({ mentor_id: 1, mentee_id: 2 })).toBe(M.END_DATE_MISSING);
    expect(messageOf({ mentor_id: 1, mentee_id: 2, end_date: 1 })).toBe(M.NOTES_MISSING);
  });

  it('requires the caller to be one side, and not both', () => {
    expect(messageOf({ ...valid, mentee_id: 4 })).toBe(M.ID_MUST_MATCH);
    expect(messageOf({ ...valid, mentee_id: String(CALLER) })).toBe(M.ID_MUST_MATCH);
    expect(messageOf({ ...valid, mentor_id: CALLER })).toBe(M.SELF_RELATION);
    // Identity checks come before the date checks.
    expect(messageOf({ ...valid, mentee_id: 4, end_date: 'x' })).toBe(M.ID_MUST_MATCH);
  });

  it.each([
    ['2030-01-01'],
    [null],
    [true],
    [false],
    [{}],
    [[]],
    [1e300],
    [253402300800],
    [-62135596801],
    [1.6e15],
  ])('refuses an unrepresentable end_date %p', (endDate) =>
    expect(messageOf({ ...valid, end_date: endDate })).toBe(M.END_DATE_INVALID),
  );

  it('checks the duration against now', () => {
    expect(messageOf({ ...valid, end_date: NOW - 1 })).toBe(M.END_DATE_PASSED);
    expect(messageOf({ ...valid, end_date: -62135596800 })).toBe(M.END_DATE_PASSED);
    expect(messageOf({ ...valid, end_date: 253402300799 })).toBe(M.MAX_DURATION);
    expect(messageOf({ ...valid, end_date: NOW + MAX_DURATION_SECONDS + 1 })).toBe(M.MAX_DURATION);
    expect(messageOf({ ...valid, end_date: NOW + MAX_DURATION_SECONDS })).toBeNull();
    expect(messageOf({ ...valid, end_date: NOW + MIN_DURATION_SECONDS - 1 })).toBe(M.MIN_DURATION);
    expect(messageOf({ ...valid, end_date: NOW + MIN_DURATION_SECONDS })).toBeNull();
  });

  it('requires notes to be a string that fits its column', () => {
    expect(messageOf({ ...valid, notes: 5 })).toBe('Invalid input.');
    expect(messageOf({ ...valid, notes: 'x'.repeat(401) })).toBe(M.NOTES_TOO_LONG);
    expect(messageOf({ ...valid, notes: 'x'.repeat(400) })).toBeNull();
  });

  it('turns ids no user can have into null look-ups', () => {
    expect(parseSendRequest({ ...valid, mentor_id: 'abc' }, CALLER, NOW).mentorId).toBeNull();
    expect(parseSendRequest({ ...valid, mentor_id: 2.5 }, CALLER, NOW).mentorId).toBeNull();
    expect(parseSendRequest({ ...valid, mentor_id: 2 ** 40 }, CALLER, NOW).mentorId).toBeNull();
  });
});
