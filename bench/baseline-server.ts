import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { createPool, RowDataPacket } from 'mysql2/promise';

/**
 * The limit to compare against: plain node:http + mysql2, no framework. It verifies the same
 * HS256 access token as the app and answers GET /users/verified with the best single query
 * (page ids from the covering index in a derived table, availability as two index probes).
 * Usage: BASELINE_PORT=… BASELINE_DATABASE_URL=mysql://… JWT_SECRET=… node baseline-server
 */
const port = Number(process.env.BASELINE_PORT ?? 3900);
const secret = Buffer.from(process.env.JWT_SECRET ?? '', 'utf8');
const pool = createPool({ uri: process.env.BASELINE_DATABASE_URL, connectionLimit: 10, timezone: 'Z' });

const SQL =
  'SELECT u.id, u.username, u.name, u.slack_username, u.bio, u.location, u.occupation, ' +
  'u.organization, u.interests, u.skills, u.need_mentoring, u.available_to_mentor, u.registration_date, ' +
  '(EXISTS (SELECT 1 FROM mentorship_relations r1 WHERE r1.mentor_id = u.id AND r1.state = 2) OR ' +
  'EXISTS (SELECT 1 FROM mentorship_relations r2 WHERE r2.mentee_id = u.id AND r2.state = 2)) AS busy ' +
  'FROM users u JOIN (SELECT p.id FROM users p WHERE p.is_email_verified = 1 AND p.id <> ? ' +
  'ORDER BY p.id LIMIT ? OFFSET ?) page ON page.id = u.id ORDER BY u.id';

/** The caller id of a valid, unexpired HS256 access token, else null. */
function verify(header: string | undefined): number | null {
  if (!header?.startsWith('Bearer ')) return null;
  const [head, body, signature] = header.slice(7).split('.');
  if (!head || !body || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const alg = (JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string }).alg;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as {
    identity?: number;
    type?: string;
    exp?: number;
  };
  if (alg !== 'HS256' || claims.type !== 'access' || typeof claims.identity !== 'number') return null;
  if (typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000) return null;
  return claims.identity;
}

function intParam(params: URLSearchParams, name: string, fallback: number): number {
  const value = Number.parseInt(params.get(name) ?? '', 10);
  return Number.isNaN(value) ? fallback : value;
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://baseline');
  if (url.pathname === '/health') return send(response, 200, { ok: true });
  if (request.method !== 'GET' || url.pathname !== '/users/verified') return send(response, 404, {});
  const caller = verify(request.headers.authorization);
  if (caller === null) return send(response, 401, { message: 'invalid token' });
  const perPage = Math.min(50, Math.max(0, intParam(url.searchParams, 'per_page', 10)));
  const page = Math.max(1, intParam(url.searchParams, 'page', 1));
  const [rows] = await pool.execute<RowDataPacket[]>(SQL, [caller, perPage, (page - 1) * perPage]);
  send(
    response,
    200,
    rows.map((row) => ({
      id: row.id as number,
      username: row.username as string,
      name: row.name as string,
      slack_username: row.slack_username as string | null,
      bio: row.bio as string | null,
      location: row.location as string | null,
      occupation: row.occupation as string | null,
      organization: row.organization as string | null,
      interests: row.interests as string | null,
      skills: row.skills as string | null,
      need_mentoring: row.need_mentoring === 1,
      available_to_mentor: row.available_to_mentor === 1,
      is_available: !Number(row.busy) && (row.need_mentoring === 1 || row.available_to_mentor === 1),
      registration_date: (row.registration_date as Date).getTime() / 1000,
    })),
  );
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => send(response, 500, { message: String(error) }));
});
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  void pool.end();
});
