import { HttpStatus } from '@nestjs/common';
import { CommonMessages } from '@app/common';
import { MentorshipMessages as M } from '../mentorship/mentorship.messages';
import { Denial, loadStep, RelationRule, requireRole, requireState } from '../mentorship/relation-access';
import { RelationState } from '../mentorship/relation-state';
import { TaskLoader } from './task.loader';
import { TasksMessages as T } from './tasks.messages';

/**
 * A TEXT column holds 65 535 bytes; 16 000 UTF-16 units are at most 48 000 UTF-8 bytes, so any
 * text under this cap can be stored (API.md Q24: no input may end in a database error).
 */
export const MAX_TEXT_LENGTH = 16_000;
const COMMENT_MAX_LENGTH = 400;

const badRequest = (message: string): Denial => ({ status: HttpStatus.BAD_REQUEST, message });

function fieldsOf(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** API.md §5.2 step 1 plus the type/size checks the original lacks (Q24); before gate G. */
export function descriptionDenial(body: unknown): Denial | null {
  const fields = fieldsOf(body);
  if (!('description' in fields)) return badRequest(T.DESCRIPTION_MISSING);
  if (typeof fields.description !== 'string') return badRequest(CommonMessages.INVALID_INPUT);
  if (fields.description.length > MAX_TEXT_LENGTH) return badRequest(T.DESCRIPTION_TOO_LONG);
  return null;
}

/** API.md §6.1 body checks: the 400 limit is on the text without whitespace; stored as sent. */
export function commentDenial(body: unknown): Denial | null {
  const fields = fieldsOf(body);
  if (!('comment' in fields)) return badRequest(T.COMMENT_MISSING);
  const comment = fields.comment;
  if (typeof comment !== 'string') return badRequest(T.COMMENT_NOT_STRING);
  if (comment.replace(/\s/g, '').length > COMMENT_MAX_LENGTH) return badRequest(T.COMMENT_TOO_LONG);
  if (comment.length > MAX_TEXT_LENGTH) return badRequest(T.COMMENT_RAW_TOO_LONG);
  return null;
}

const notInvolved = (status: HttpStatus) => requireRole({ status, message: M.NOT_INVOLVED });
const mustBeAccepted = requireState(RelationState.ACCEPTED, HttpStatus.FORBIDDEN, M.NOT_ACCEPTED);
const taskExists = loadStep(TaskLoader);
const base = { param: 'relation_id', notFound: M.RELATION_NOT_FOUND };

/** API.md §5 and §6 check orders, including the deliberate 403-vs-401 difference (Q8). */
export const TaskRules = {
  createTask: {
    ...base,
    body: descriptionDenial,
    checks: [mustBeAccepted, notInvolved(HttpStatus.FORBIDDEN)],
  },
  listTasks: { ...base, checks: [notInvolved(HttpStatus.UNAUTHORIZED)] },
  deleteTask: { ...base, checks: [taskExists, notInvolved(HttpStatus.UNAUTHORIZED)] },
  completeTask: { ...base, checks: [notInvolved(HttpStatus.UNAUTHORIZED), taskExists] },
  writeComment: {
    ...base,
    body: commentDenial,
    checks: [notInvolved(HttpStatus.UNAUTHORIZED), mustBeAccepted, taskExists],
  },
  readComments: { ...base, checks: [notInvolved(HttpStatus.UNAUTHORIZED), mustBeAccepted, taskExists] },
} satisfies Record<string, RelationRule>;
