import { HttpStatus } from '@nestjs/common';
import { ApiError, CommonMessages } from '@app/common';
import { MentorshipMessages as M } from './mentorship.messages';

export const MIN_DURATION_SECONDS = 4 * 7 * 86_400;
export const MAX_DURATION_SECONDS = 24 * 7 * 86_400;
/** Years 1..9999, what Python's datetime can represent (API.md §4.2 check 7). */
const MIN_TIMESTAMP = -62_135_596_800;
const MAX_TIMESTAMP = 253_402_300_799;
const NOTES_MAX_LENGTH = 400;
const MAX_ID = 2 ** 31 - 1;

/** A send_request body that passed checks 1–10; ids are null when no user can have them. */
export interface SendRequest {
  mentorId: number | null;
  menteeId: number | null;
  endDate: number;
  notes: string;
  senderRole: 'mentor' | 'mentee';
}

const badRequest = (message: string) => new ApiError(HttpStatus.BAD_REQUEST, message);

/** An id a user row could have; anything else (strings, floats, out of range) finds nobody. */
function lookupId(value: unknown): number | null {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_ID
    ? (value as number)
    : null;
}

export function isRepresentableTimestamp(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= MIN_TIMESTAMP && value <= MAX_TIMESTAMP
  );
}

/**
 * API.md §4.2 checks 1–10, in order, plus the notes type/length the original lacks (Q24). A
 * body that is not an object counts as `{}` (§10.4). Throws the first failure.
 */
export function parseSendRequest(body: unknown, callerId: number, nowSeconds: number): SendRequest {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const {
    mentor_id: mentor,
    mentee_id: mentee,
    end_date: endDate,
    notes,
  } = fields as Record<string, unknown>;
  if (!('mentor_id' in fields)) throw badRequest(M.MENTOR_ID_MISSING);
  if (!('mentee_id' in fields)) throw badRequest(M.MENTEE_ID_MISSING);
  if (!('end_date' in fields)) throw badRequest(M.END_DATE_MISSING);
  if (!('notes' in fields)) throw badRequest(M.NOTES_MISSING);
  if (callerId !== mentor && callerId !== mentee) throw badRequest(M.ID_MUST_MATCH);
  if (mentor === mentee) throw badRequest(M.SELF_RELATION);
  if (!isRepresentableTimestamp(endDate)) throw badRequest(M.END_DATE_INVALID);
  if (endDate < nowSeconds) throw badRequest(M.END_DATE_PASSED);
  if (endDate - nowSeconds > MAX_DURATION_SECONDS) throw badRequest(M.MAX_DURATION);
  if (endDate - nowSeconds < MIN_DURATION_SECONDS) throw badRequest(M.MIN_DURATION);
  if (typeof notes !== 'string') throw badRequest(CommonMessages.INVALID_INPUT);
  if (notes.length > NOTES_MAX_LENGTH) throw badRequest(M.NOTES_TOO_LONG);
  return {
    mentorId: lookupId(mentor),
    menteeId: lookupId(mentee),
    endDate,
    notes,
    senderRole: callerId === mentee ? 'mentee' : 'mentor',
  };
}
