export type BearerHeader = { kind: 'missing' } | { kind: 'invalid' } | { kind: 'token'; token: string };

/**
 * API.md §10.2, after flask-jwt-extended 3.25: the header may hold comma-separated entries;
 * the first whose first word is exactly `Bearer` is used, and it must have exactly two
 * whitespace-separated parts. Absent, empty or blank → missing; anything else wrong → invalid.
 */
export function parseBearerHeader(header: string | string[] | undefined): BearerHeader {
  // Several Authorization header lines: Node keeps only the first, and a proxy in front may
  // have checked another one. Ambiguous credentials are refused rather than guessed at.
  if (Array.isArray(header) && header.length > 1) return { kind: 'invalid' };
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return { kind: 'missing' };
  const entry = value
    .split(/,\s*/)
    .map((field) => field.trim().split(/\s+/))
    .find((parts) => parts[0] === 'Bearer');
  if (!entry || entry.length !== 2) return { kind: 'invalid' };
  return { kind: 'token', token: entry[1] };
}

/** Every Authorization header line of a request, from Node's raw header list (name, value, …). */
export function authorizationLines(rawHeaders: readonly string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i].toLowerCase() === 'authorization') lines.push(rawHeaders[i + 1]);
  }
  return lines;
}
