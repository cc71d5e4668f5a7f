/**
 * JSON writer that keeps the contract's float fields floats (API.md §10.6).
 *
 * Python writes every float with a decimal point and the Flutter client throws on a JSON
 * integer where it expects a double, so a whole number under one of these keys must come out
 * as `1690000000.0`. JSON.stringify cannot emit raw number text, hence this small writer.
 * The keys are the contract's: every `*_date`, `created_at`, `completed_at`, `*_expiry` —
 * all epoch seconds. (`email_verification_date` is a string and passes through untouched.)
 */
const FLOAT_KEYS = new Set([
  'registration_date',
  'creation_date',
  'accept_date',
  'start_date',
  'end_date',
  'modification_date',
  'created_at',
  'completed_at',
  'access_expiry',
  'refresh_expiry',
]);

export function isFloatKey(key: string): boolean {
  return FLOAT_KEYS.has(key);
}

function writeFloat(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  const text = String(value);
  return Number.isInteger(value) && !text.includes('e') ? `${text}.0` : text;
}

function write(value: unknown, asFloat: boolean): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return asFloat ? writeFloat(value) : JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      return value.toString();
    case 'object':
      break;
  }
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return write(withToJson.toJSON(), asFloat);
  if (Array.isArray(value)) {
    return `[${value.map((item) => write(item, false) ?? 'null').join(',')}]`;
  }
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const text = write(item, isFloatKey(key));
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

export function serializeJson(value: unknown): string {
  return write(value, false) ?? 'null';
}
