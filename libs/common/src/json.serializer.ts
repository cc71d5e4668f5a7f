/**
 * JSON writer that keeps the contract's float fields floats (API.md §10.6).
 *
 * Python writes every float with a decimal point and the Flutter client throws on a JSON
 * integer where it expects a double, so a whole number under one of these keys must come out
 * as `1690000000.0`. The keys are the contract's: every `*_date`, `created_at`,
 * `completed_at`, `*_expiry` — all epoch seconds. (`email_verification_date` is a string and
 * passes through untouched.)
 */
const FLOAT_KEYS = [
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
];

/**
 * A float key with a whole-number value, in JSON.stringify's output. It can only match real
 * members: inside a string value every `"` is escaped as `\"`, so no string content can put
 * an unescaped quote right after the key name; and a value only follows a key after `:`.
 * Fractions and exponents (`1.5`, `1e+21`) are not followed by `,` or `}` right after the
 * digits, so they are left as they are — as are arrays of numbers.
 */
const WHOLE_FLOAT_MEMBER = new RegExp(`("(?:${FLOAT_KEYS.join('|')})":-?\\d+)(?=[,}])`, 'g');

/**
 * JSON.stringify (native, and the bulk of the work) plus one scan that appends `.0` to the
 * whole numbers under float keys — a hand-written writer cost ~7% of a member page's CPU.
 */
export function serializeJson(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  return text === undefined ? 'null' : text.replace(WHOLE_FLOAT_MEMBER, '$1.0');
}
