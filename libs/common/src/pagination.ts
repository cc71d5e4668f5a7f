/** Paging of the member lists exactly as API.md §3.1 defines it. */
export interface Page {
  offset: number;
  limit: number;
}

export const DEFAULT_PER_PAGE = 10;
export const MAX_PER_PAGE = 50;
const NEGATIVE_PER_PAGE = 20;

function parseInteger(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^[-+]?\d+$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return Number.isSafeInteger(value) ? value : null;
}

export function parsePage(rawPage: unknown, rawPerPage: unknown): Page {
  // Pages past any real table size all answer `[]`; capping keeps the OFFSET a safe integer.
  const page = Math.min(Math.max(parseInteger(rawPage) ?? 1, 1), 1_000_000_000);
  let perPage = parseInteger(rawPerPage) ?? DEFAULT_PER_PAGE;
  if (perPage < 0) perPage = NEGATIVE_PER_PAGE;
  if (perPage > MAX_PER_PAGE) perPage = MAX_PER_PAGE;
  return { offset: (page - 1) * perPage, limit: perPage };
}
