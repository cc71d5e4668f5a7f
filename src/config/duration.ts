const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** "7d", "28d", "15m", "3600" (seconds) → seconds; null when it is not such a duration. */
export function parseDurationSeconds(text: string): number | null {
  const match = /^(\d+)\s*([smhdw]?)$/.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] || 's'];
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : null;
}
