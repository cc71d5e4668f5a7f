import { CommonMessages } from '@app/common';
import {
  codePointLength,
  isTruthy,
  NAME_COLUMN,
  NAME_PATTERN,
  strippedLength,
  USERNAME_PATTERN,
} from './user-field-rules';
import { User } from './user.entity';
import { flagInvalidMessage, tooLongMessage, UsersMessages } from './users.messages';

/** Free-text profile fields in the order §3.5 step 4 checks them: API limit and column width. */
const TEXT_FIELDS = [
  { key: 'bio', property: 'bio', max: 450, column: 500 },
  { key: 'location', property: 'location', max: 60, column: 80 },
  { key: 'occupation', property: 'occupation', max: 60, column: 80 },
  { key: 'organization', property: 'organization', max: 60, column: 80 },
  { key: 'slack_username', property: 'slackUsername', max: 60, column: 80 },
  { key: 'social_media_links', property: 'socialMediaLinks', max: 400, column: 500 },
  { key: 'skills', property: 'skills', max: 450, column: 500 },
  { key: 'interests', property: 'interests', max: 150, column: 200 },
  // Not limited by the original; limited to their column here (Q24).
  { key: 'resume_url', property: 'resumeUrl', max: 200, column: 200 },
  { key: 'photo_url', property: 'photoUrl', max: 200, column: 200 },
] as const;

const FLAGS = [
  { key: 'need_mentoring', property: 'needMentoring' },
  { key: 'available_to_mentor', property: 'availableToMentor' },
] as const;

export type ProfileChanges = Partial<
  Pick<
    User,
    'name' | 'username' | (typeof TEXT_FIELDS)[number]['property'] | (typeof FLAGS)[number]['property']
  >
>;

export type ProfileUpdate = { ok: true; changes: ProfileChanges } | { ok: false; message: string };

const fail = (message: string): ProfileUpdate => ({ ok: false, message });

/**
 * API.md §3.5 steps 1–6 (everything before the gate), in contract order, and the changes to
 * apply. Unknown keys — including id, email, is_admin, password — are ignored.
 */
export function profileUpdate(fields: Record<string, unknown>): ProfileUpdate {
  if (Object.keys(fields).length === 0) return fail(UsersMessages.NO_UPDATE_DATA);
  const changes: ProfileChanges = {};

  const { username, name } = fields;
  if (isTruthy(username)) {
    if (typeof username !== 'string') return fail(UsersMessages.NEW_USERNAME_INVALID);
    const length = strippedLength(username);
    if (length < 5 || length > 25) return fail(UsersMessages.USERNAME_LENGTH);
    if (!USERNAME_PATTERN.test(username)) return fail(UsersMessages.NEW_USERNAME_INVALID);
    changes.username = username;
  }
  if (isTruthy(name)) {
    if (typeof name !== 'string') return fail(UsersMessages.NAME_INVALID);
    const length = strippedLength(name);
    if (length < 2 || length > 30 || codePointLength(name) > NAME_COLUMN)
      return fail(UsersMessages.NAME_LENGTH);
    if (!NAME_PATTERN.test(name)) return fail(UsersMessages.NAME_INVALID);
    changes.name = name;
  }

  for (const { key, property, max, column } of TEXT_FIELDS) {
    if (!(key in fields)) continue;
    const value = fields[key];
    if (!isTruthy(value)) {
      changes[property] = null;
      continue;
    }
    if (typeof value !== 'string') return fail(CommonMessages.INVALID_INPUT);
    // Whitespace does not count towards the limit, but the stored text must fit its column.
    if (strippedLength(value) > max || codePointLength(value) > column) return fail(tooLongMessage(key, max));
    changes[property] = value;
  }

  for (const { key, property } of FLAGS) {
    if (!(key in fields)) continue;
    const value = fields[key];
    if (typeof value !== 'boolean') return fail(flagInvalidMessage(key));
    changes[property] = value;
  }
  return { ok: true, changes };
}
