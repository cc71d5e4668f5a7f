import fc from 'fast-check';
import { createTestApp, TestApp } from '@app/testing';
import { buildWorld, fillPath, validBody, World } from './fixtures/api-world';
import { leaks } from './fixtures/leaks';

/**
 * Property-based fuzzing of every route (issue 8, item 3): random and malformed paths, queries,
 * headers and bodies. Whatever arrives, the app answers below 500 with a clean body, keeps
 * serving, and the database invariants of RUNTIME.md hold.
 *
 * CI runs a short pass; the long one is `npm run fuzz -- --runs 10000` (or FUZZ_RUNS=10000).
 * FUZZ_SEED=<n> replays a reported failure.
 */
function runsFromCommandLine(): number {
  const flag = process.argv.indexOf('--runs');
  const value = flag >= 0 ? process.argv[flag + 1] : process.env.FUZZ_RUNS;
  const runs = Number(value);
  return Number.isInteger(runs) && runs > 0 ? runs : 1000;
}

const RUNS = runsFromCommandLine();
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Rebuild the cast now and then: fuzzed requests delete users and change relations. */
const WORLD_LIFETIME = 150;

/** Every route, with the body keys it reads (so the fuzzer hits real validation paths). */
const ROUTES: [string, string[]][] = [
  [
    'POST /register',
    ['name', 'username', 'password', 'email', 'terms_and_conditions_checked', 'need_mentoring'],
  ],
  ['GET /user/confirm_email/:token', []],
  ['POST /user/resend_email', ['email']],
  ['POST /login', ['username', 'password']],
  ['POST /refresh', []],
  ['GET /users', []],
  ['GET /users/verified', []],
  ['GET /users/:user', []],
  ['GET /user', []],
  [
    'PUT /user',
    ['name', 'username', 'bio', 'slack_username', 'photo_url', 'need_mentoring', 'available_to_mentor'],
  ],
  ['DELETE /user', []],
  ['PUT /user/change_password', ['current_password', 'new_password']],
  ['GET /home', []],
  ['GET /dashboard', []],
  ['POST /mentorship_relation/send_request', ['mentor_id', 'mentee_id', 'end_date', 'notes']],
  ['GET /mentorship_relations', []],
  ['GET /mentorship_relations/past', []],
  ['GET /mentorship_relations/current', []],
  ['GET /mentorship_relations/pending', []],
  ['PUT /mentorship_relation/:rel/accept', []],
  ['PUT /mentorship_relation/:rel/reject', []],
  ['PUT /mentorship_relation/:rel/cancel', []],
  ['DELETE /mentorship_relation/:rel', []],
  ['POST /mentorship_relation/:rel/task', ['description']],
  ['GET /mentorship_relation/:rel/tasks', []],
  ['DELETE /mentorship_relation/:rel/task/:task', []],
  ['PUT /mentorship_relation/:rel/task/:task/complete', []],
  ['POST /mentorship_relation/:rel/task/:task/comment', ['comment']],
  ['GET /mentorship_relation/:rel/task/:task/comments', []],
  ['PUT /mentorship_relation/:rel/task/:task/comment/:comment', ['comment']],
  ['DELETE /mentorship_relation/:rel/task/:task/comment/:comment', []],
  ['POST /admin/new', ['user_id']],
  ['POST /admin/remove', ['user_id']],
  ['GET /admins', []],
  ['GET /health/ready', []],
];

const INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT SLEEP(5)',
  '%',
  '_',
  '\\',
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  '#{7*7}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000',
  '\ud800',
  '𝕏😀ǅ\u202e',
  'ß'.repeat(40),
  '%s%n%x',
];

/** encodeURIComponent throws on lone surrogates; a UTF-8 round trip turns them into U+FFFD. */
const encode = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));

const huge = fc.constantFrom('a'.repeat(10_000), '€'.repeat(100_000), ' '.repeat(5_000));
const number = fc.oneof(
  fc.integer(),
  fc.integer({ min: -1, max: 60 }),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, 5e-324, 253402300800, 1.5),
  fc.double(),
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.constantFrom(...INJECTION),
  huge,
);
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));
/** Anything JSON can carry, skewed towards the hostile. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

const idSegment = (valid: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(valid) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('-1', '0', '1e3', '0x10', '1.5', '99999999999999999999', '2147483648'),
    },
    { weight: 1, arbitrary: text.map((s) => encode(s.slice(0, 300)) || 'x') },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '..%2f..', '%00', '%2e%2e', ';', '%20') },
  );

const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json, text/plain',
  '',
  undefined,
);

/** Header values Node's client will send at all: visible ASCII and spaces. */
const printable = (s: string) => [...s].filter((ch) => ch >= ' ' && ch <= '~').join('');

type Seat = 'sender' | 'receiver' | 'stranger' | 'other' | 'admin';
type Auth =
  | { kind: 'none' }
  | { kind: 'raw'; value: string }
  | { kind: 'user'; seat: Seat; type: 'access' | 'refresh' };
const auth: fc.Arbitrary<Auth> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('user' as const),
      seat: fc.constantFrom<Seat>('sender', 'receiver', 'stranger', 'other', 'admin'),
      type: fc.constantFrom<'access' | 'refresh'>(
        'access',
        'access',
        'access',
        'access',
        'access',
        'refresh',
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(text, fc.constantFrom('Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic Zm9vOmJhcg=='))
      .map((s) => ({ kind: 'raw' as const, value: printable(s) })),
  },
);

interface Case {
  route: [string, string[]];
  ids: { rel: string; task: string; comment: string; user: string; token: string };
  auth: Auth;
  query: [string, unknown][];
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown }
    | { kind: 'fields'; value: Record<string, unknown> }
    | { kind: 'mutated'; changes: Record<string, unknown> }
    | { kind: 'raw'; value: string };
  contentType: string | undefined;
  requestId: string | undefined;
}

const caseArb: fc.Arbitrary<Case> = fc.constantFrom(...ROUTES).chain((route) =>
  fc.record({
    route: fc.constant(route),
    ids: fc.record({
      rel: idSegment(':rel'),
      task: idSegment(':task'),
      comment: idSegment(':comment'),
      user: idSegment(':user'),
      token: fc.oneof(
        fc.constant(':token'),
        text.map((s) => encode(s.slice(0, 400)) || 'x'),
      ),
    }),
    auth,
    query: fc.array(
      fc.tuple(
        fc.constantFrom('search', 'page', 'per_page', 'relation_state', 'x', 'page[]', '__proto__'),
        value,
      ),
      { maxLength: 3 },
    ),
    body: fc.oneof(
      { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
      // A valid body with one or two fields made hostile: gets past validation into the database.
      {
        weight: 4,
        arbitrary: fc
          .dictionary(fc.constantFrom(...(route[1].length ? route[1] : ['x'])), value, {
            minKeys: 1,
            maxKeys: 2,
          })
          .map((changes) => ({ kind: 'mutated' as const, changes })),
      },
      { weight: 2, arbitrary: value.map((v) => ({ kind: 'json' as const, value: v })) },
      {
        weight: 5,
        arbitrary: fc
          .tuple(
            fc.dictionary(fc.constantFrom(...(route[1].length ? route[1] : ['x'])), value, { maxKeys: 6 }),
            fc.dictionary(
              fc.constantFrom('is_admin', 'id', '__proto__', 'constructor', 'user_id', 'state'),
              value,
              {
                maxKeys: 2,
              },
            ),
          )
          .map(([known, extra]) => ({ kind: 'fields' as const, value: { ...extra, ...known } })),
      },
      {
        weight: 1,
        arbitrary: fc
          .oneof(text, fc.constantFrom('{', '{"a":', '[1,', 'null', '"x"', '{"__proto__":{"a":1}}', '\u0000'))
          .map((v) => ({ kind: 'raw' as const, value: v })),
      },
    ),
    contentType,
    requestId: fc.option(fc.constantFrom('abc', 'x'.repeat(500), '../../', 'id with spaces'), {
      nil: undefined,
    }),
  }),
);

function queryString(pairs: [string, unknown][]): string {
  if (pairs.length === 0) return '';
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 500) : (JSON.stringify(v) ?? ''));
  return `?${pairs.map(([k, v]) => `${encode(k)}=${encode(text(v))}`).join('&')}`;
}

describe(`Fuzzing every route (${RUNS} runs)`, () => {
  let t: TestApp;
  let world: World;
  let age = 0;
  const tokens = new Map<string, string>();
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t, 'accepted');
  });

  afterAll(async () => {
    await t.close();
  });

  async function tokenFor(seat: Seat, type: 'access' | 'refresh'): Promise<string> {
    const id = world[seat].id;
    const key = `${id}:${type}`;
    if (!tokens.has(key)) tokens.set(key, await t.token(id, type));
    return tokens.get(key) as string;
  }

  async function send(c: Case) {
    const [method, template] = c.route[0].split(' ');
    const path = fillPath(
      template
        .replace(':rel', c.ids.rel)
        .replace(':task', c.ids.task)
        .replace(':comment', c.ids.comment)
        .replace(':user', c.ids.user)
        .replace(':token', c.ids.token),
      world,
    );
    const request = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](
      `${path}${queryString(c.query)}`,
    );
    if (c.auth.kind === 'raw') void request.set('Authorization', c.auth.value);
    if (c.auth.kind === 'user')
      void request.set('Authorization', `Bearer ${await tokenFor(c.auth.seat, c.auth.type)}`);
    if (c.requestId !== undefined) void request.set('X-Request-Id', c.requestId);
    if (c.contentType !== undefined) void request.set('Content-Type', c.contentType);
    if (c.body.kind === 'json' || c.body.kind === 'fields')
      void request.send(JSON.stringify(c.body.value) ?? 'null');
    if (c.body.kind === 'raw') void request.send(c.body.value);
    if (c.body.kind === 'mutated') {
      const base = validBody(c.route[0], world, t.clock.nowSeconds()) ?? {};
      void request.send(JSON.stringify({ ...base, ...c.body.changes }));
    }
    return request.timeout(10_000);
  }

  async function invariantViolations(): Promise<unknown[]> {
    const duplicates = await t.dataSource.query(
      `SELECT LOWER(username) AS k FROM users GROUP BY LOWER(username) HAVING COUNT(*) > 1
       UNION ALL SELECT LOWER(email) AS k FROM users GROUP BY LOWER(email) HAVING COUNT(*) > 1`,
    );
    const doubleAccepted = await t.dataSource.query(
      `SELECT p.uid FROM (SELECT mentor_id AS uid FROM mentorship_relations WHERE state = 2
         UNION ALL SELECT mentee_id AS uid FROM mentorship_relations WHERE state = 2) p
       WHERE p.uid IS NOT NULL GROUP BY p.uid HAVING COUNT(*) > 1`,
    );
    return [...duplicates, ...doubleAccepted];
  }

  it(
    'answers every input below 500, with a clean body, and keeps the database consistent',
    async () => {
      const started = Date.now();
      await fc.assert(
        fc.asyncProperty(caseArb, async (c) => {
          if (++age > WORLD_LIFETIME) {
            age = 0;
            tokens.clear();
            world = await buildWorld(t, 'accepted');
          }
          const res = await send(c);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (process.env.FUZZ_DEBUG)
            process.stdout.write(
              `${c.route[0]} ${c.body.kind} ${c.contentType} ${res.status} ${res.text.slice(0, 80)}\n`,
            );
          expect(res.status).toBeLessThan(500);
          expect(res.headers['content-type'] ?? '').toMatch(/^application\/json/);
          if (res.status >= 400 && !Array.isArray(res.body)) {
            expect(typeof res.body.message).toBe('string');
          }
          expect(leaks(res)).toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // A follow-up request still works, and the invariants held through it all.
      await t.http.get('/health/ready').expect(200);
      const fresh = await buildWorld(t, 'none');
      await t.http
        .get('/user')
        .set('Authorization', await t.bearer(fresh.sender))
        .expect(200);
      expect(await invariantViolations()).toEqual([]);
      // Figures for the long run's report.
      const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
      process.stdout.write(
        `fuzz: ${RUNS} runs in ${((Date.now() - started) / 1000).toFixed(1)} s; ${summary.join(' ')}\n`,
      );
    },
    Math.max(60_000, RUNS * 100),
  );
});
