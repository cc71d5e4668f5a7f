/** Conversions between stored UTC dates and the API's epoch-seconds floats (API.md §0, §10.6). */

export function toEpochSeconds(date: Date): number;
export function toEpochSeconds(date: Date | null | undefined): number | null;
export function toEpochSeconds(date: Date | null | undefined): number | null {
  return date ? date.getTime() / 1000 : null;
}

/**
 * Storage keeps whole seconds (RUNTIME.md). MariaDB truncates fractions while MySQL 8 rounds
 * them, so we truncate in code to get the same stored value on every database.
 */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

export function dateFromEpochSeconds(seconds: number): Date {
  return wholeSeconds(new Date(seconds * 1000));
}

/**
 * Python's naive-UTC `datetime.isoformat()`: no offset, `.ffffff` only when non-zero
 * (API.md §1.2, `email_verification_date`).
 */
export function pythonIsoFormat(date: Date | null): string | null {
  if (!date) return null;
  const iso = date.toISOString(); // 2021-02-03T10:11:12.123Z
  const base = iso.slice(0, 19);
  const millis = date.getUTCMilliseconds();
  return millis === 0 ? base : `${base}.${String(millis * 1000).padStart(6, '0')}`;
}
