/**
 * Field rules shared by registration (API.md §2.1), resend/login (§2.3, §2.4) and profile
 * updates (§3.5). Regexes are full-string matches over ASCII letters, as in the original (Q12).
 */
export const NAME_PATTERN = /^[a-zA-Z\s-]+$/;
export const USERNAME_PATTERN = /^[a-zA-Z0-9_]+$/;
export const EMAIL_PATTERN = /^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+$/;

/** Column widths of the users table: values longer than these cannot be stored (Q24). */
export const NAME_COLUMN = 30;
export const USERNAME_COLUMN = 30;
export const EMAIL_COLUMN = 254;

/** Length after deleting every whitespace character, counted in code points like Python's len(). */
export function strippedLength(value: string): number {
  return [...value.replace(/\s/g, '')].length;
}

export function codePointLength(value: string): number {
  return [...value].length;
}

export function isValidEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= EMAIL_COLUMN && EMAIL_PATTERN.test(value);
}

/** Python truthiness of a JSON value: the original's `if not value` checks. */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** §10.4: a body that is absent or not a JSON object is read as `{}`. */
export function bodyFields(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
