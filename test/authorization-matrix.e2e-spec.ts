import { createTestApp, TestApp } from '@app/testing';
import { buildWorld, fillPath, validBody, World, WorldState } from './fixtures/api-world';
import { leaks } from './fixtures/leaks';

/**
 * Who may do what (API.md): every route × every kind of caller, with the status and message the
 * contract gives. One row per route, one column per caller. Read a cell as "this caller, with a
 * valid body, gets …": a number is a success status (body not checked here), a pair is an error
 * status with its exact message.
 *
 * Callers: none = no Authorization header; malformed = `Bearer not.a.jwt`; expired = an
 * access token past its lifetime (the clock is moved); wrongType = a refresh token on an access
 * route (an access token on /refresh); then verified users by their place in the row's
 * relation (the mentee sent it to the mentor); other = participant of another, ACCEPTED,
 * relation; admin = an admin outside the relation; deleted = a token whose user is gone.
 * A cell that succeeds runs against a fresh world, so its change cannot affect another cell;
 * refusals change nothing, so they share one world per relation state. Every response is also
 * checked for leaks (password hashes, tokens it did not issue, internals in error bodies).
 */

const MISSING = 'The authorization token is missing!';
const INVALID = 'The token is invalid!';
const EXPIRED = 'The token has expired! Please, login again or refresh it.';
const GATE_404 = 'User does not exist.';
const HOME_404 = 'User not found.';
const NOT_INVOLVED = 'You are not involved in this mentorship relation.';
const ID_MISMATCH = 'Your ID has to match either Mentor or Mentee IDs.';
const NOT_ADMIN_NEW = "You don't have admin status. You can't assign other user as admin.";
const NOT_ADMIN_REMOVE = "You don't have admin status. You can't revoke other admin user.";

type Cell = number | [number, string];
const CALLERS = [
  'none',
  'malformed',
  'expired',
  'wrongType',
  'stranger',
  'sender',
  'receiver',
  'other',
  'admin',
  'deleted',
] as const;
type Caller = (typeof CALLERS)[number];
type Row = { route: string; world: WorldState } & Record<Caller, Cell>;

/** The four token columns of every route that needs an access token (API.md §10.2). */
const ACCESS = {
  none: [401, MISSING],
  malformed: [401, INVALID],
  expired: [401, EXPIRED],
  wrongType: [401, INVALID],
} as const satisfies Partial<Record<Caller, Cell>>;

/** Public routes ignore the Authorization header: every caller gets the same answer. */
const anyone = (cell: Cell): Record<Caller, Cell> =>
  Object.fromEntries(CALLERS.map((caller) => [caller, cell])) as Record<Caller, Cell>;

/** Verified users all allowed; the deleted caller meets gate G. */
const everyUser = (ok: number, deleted: Cell = [404, GATE_404]) => ({
  stranger: ok,
  sender: ok,
  receiver: ok,
  other: ok,
  admin: ok,
  deleted,
});

// prettier-ignore
const MATRIX: Row[] = [
  // Auth (§2): public, except /refresh which wants a refresh token.
  { route: 'POST /register', world: 'none', ...anyone(201) },
  { route: 'GET /user/confirm_email/:token', world: 'none', ...anyone([200, 'You have confirmed your account. Thanks!']) },
  { route: 'POST /user/resend_email', world: 'none', ...anyone([200, 'Check your email, a new verification email was sent.']) },
  { route: 'POST /login', world: 'none', ...anyone(200) },
  { route: 'POST /refresh', world: 'none', ...ACCESS, ...everyUser(200, 200) }, // Q27: the user is not looked up
  // Users (§3)
  { route: 'GET /users', world: 'none', ...ACCESS, ...everyUser(200, 200) }, // no gate
  { route: 'GET /users/verified', world: 'none', ...ACCESS, ...everyUser(200, 200) },
  { route: 'GET /users/:user', world: 'none', ...ACCESS, ...everyUser(200, 200) }, // gate on the target
  { route: 'GET /user', world: 'none', ...ACCESS, ...everyUser(200) },
  { route: 'PUT /user', world: 'none', ...ACCESS, ...everyUser(200) },
  { route: 'DELETE /user', world: 'none', ...ACCESS, ...everyUser(200) }, // two admins, so the admin may go
  { route: 'PUT /user/change_password', world: 'none', ...ACCESS, ...everyUser(201) },
  { route: 'GET /home', world: 'none', ...ACCESS, ...everyUser(200, [404, HOME_404]) },
  { route: 'GET /dashboard', world: 'none', ...ACCESS, ...everyUser(200, [404, HOME_404]) },
  // Relations (§4): the body names the sender as mentee and the receiver as mentor.
  {
    route: 'POST /mentorship_relation/send_request', world: 'none', ...ACCESS,
    stranger: [400, ID_MISMATCH], sender: 201, receiver: 201, other: [400, ID_MISMATCH],
    admin: [400, ID_MISMATCH], deleted: [400, ID_MISMATCH], // no gate on the caller here
  },
  { route: 'GET /mentorship_relations', world: 'pending', ...ACCESS, ...everyUser(200) },
  { route: 'GET /mentorship_relations/past', world: 'pending', ...ACCESS, ...everyUser(200) },
  { route: 'GET /mentorship_relations/current', world: 'accepted', ...ACCESS, ...everyUser(200) },
  { route: 'GET /mentorship_relations/pending', world: 'pending', ...ACCESS, ...everyUser(200) },
  {
    route: 'PUT /mentorship_relation/:rel/accept', world: 'pending', ...ACCESS,
    stranger: [403, 'You cannot accept a mentorship relation where you are not involved.'],
    sender: [403, 'You cannot accept a mentorship request sent by yourself.'],
    receiver: [200, 'Mentorship relation was accepted successfully.'],
    other: [403, 'You cannot accept a mentorship relation where you are not involved.'],
    admin: [403, 'You cannot accept a mentorship relation where you are not involved.'],
    deleted: [404, GATE_404],
  },
  {
    route: 'PUT /mentorship_relation/:rel/reject', world: 'pending', ...ACCESS,
    stranger: [403, 'You cannot reject a mentorship relation where you are not involved.'],
    sender: [403, 'You cannot reject a mentorship request sent by yourself.'],
    receiver: [200, 'Mentorship relation was rejected successfully.'],
    other: [403, 'You cannot reject a mentorship relation where you are not involved.'],
    admin: [403, 'You cannot reject a mentorship relation where you are not involved.'],
    deleted: [404, GATE_404],
  },
  {
    route: 'PUT /mentorship_relation/:rel/cancel', world: 'accepted', ...ACCESS,
    stranger: [403, 'You cannot cancel a mentorship relation where you are not involved.'],
    sender: [200, 'Mentorship relation was cancelled successfully.'],
    receiver: [200, 'Mentorship relation was cancelled successfully.'],
    other: [403, 'You cannot cancel a mentorship relation where you are not involved.'],
    admin: [403, 'You cannot cancel a mentorship relation where you are not involved.'],
    deleted: [404, GATE_404],
  },
  {
    route: 'DELETE /mentorship_relation/:rel', world: 'pending', ...ACCESS,
    stranger: [403, 'You cannot delete a mentorship request that you did not create.'],
    sender: [200, 'Mentorship relation was deleted successfully.'],
    receiver: [403, 'You cannot delete a mentorship request that you did not create.'],
    other: [403, 'You cannot delete a mentorship request that you did not create.'],
    admin: [403, 'You cannot delete a mentorship request that you did not create.'],
    deleted: [404, GATE_404],
  },
  // Tasks (§5): 403 "not involved" on create, 401 elsewhere (Q8).
  {
    route: 'POST /mentorship_relation/:rel/task', world: 'accepted', ...ACCESS,
    stranger: [403, NOT_INVOLVED], sender: [201, 'Task was created successfully.'],
    receiver: [201, 'Task was created successfully.'], other: [403, NOT_INVOLVED],
    admin: [403, NOT_INVOLVED], deleted: [404, GATE_404],
  },
  ...[
    ['GET /mentorship_relation/:rel/tasks', 200],
    ['DELETE /mentorship_relation/:rel/task/:task', [200, 'Task was deleted successfully.']],
    ['PUT /mentorship_relation/:rel/task/:task/complete', [200, 'Task was achieved successfully.']],
    // Comments (§6): the comment was written by the sender.
    ['POST /mentorship_relation/:rel/task/:task/comment', [201, 'Task comment was created successfully.']],
    ['GET /mentorship_relation/:rel/task/:task/comments', 200],
  ].map(([route, ok]): Row => ({
    route: route as string, world: 'accepted', ...ACCESS,
    stranger: [401, NOT_INVOLVED], sender: ok as Cell, receiver: ok as Cell, other: [401, NOT_INVOLVED],
    admin: [401, NOT_INVOLVED], deleted: [404, GATE_404],
  })),
  {
    route: 'PUT /mentorship_relation/:rel/task/:task/comment/:comment', world: 'accepted', ...ACCESS,
    stranger: [401, NOT_INVOLVED], sender: [200, 'Task comment was updated successfully.'],
    receiver: [403, 'You have not created the comment and therefore cannot modify it.'],
    other: [401, NOT_INVOLVED], admin: [401, NOT_INVOLVED], deleted: [404, GATE_404],
  },
  {
    route: 'DELETE /mentorship_relation/:rel/task/:task/comment/:comment', world: 'accepted', ...ACCESS,
    stranger: [401, NOT_INVOLVED], sender: [200, 'Task comment was deleted successfully.'],
    receiver: [403, 'You have not created the comment and therefore cannot delete it.'],
    other: [401, NOT_INVOLVED], admin: [401, NOT_INVOLVED], deleted: [404, GATE_404],
  },
  // Admin (§7): the admin appoints the receiver, and revokes the second admin.
  {
    route: 'POST /admin/new', world: 'none', ...ACCESS,
    stranger: [403, NOT_ADMIN_NEW], sender: [403, NOT_ADMIN_NEW], receiver: [403, NOT_ADMIN_NEW],
    other: [403, NOT_ADMIN_NEW], admin: [200, 'User is now an Admin.'], deleted: [404, GATE_404],
  },
  {
    route: 'POST /admin/remove', world: 'none', ...ACCESS,
    stranger: [403, NOT_ADMIN_REMOVE], sender: [403, NOT_ADMIN_REMOVE], receiver: [403, NOT_ADMIN_REMOVE],
    other: [403, NOT_ADMIN_REMOVE], admin: [200, 'User admin status was revoked.'], deleted: [404, GATE_404],
  },
  {
    route: 'GET /admins', world: 'none', ...ACCESS,
    stranger: [403, 'User is not an Admin.'], sender: [403, 'User is not an Admin.'],
    receiver: [403, 'User is not an Admin.'], other: [403, 'User is not an Admin.'], admin: 200,
    deleted: [404, GATE_404],
  },
  // Platform (RUNTIME.md): public.
  { route: 'GET /health/live', world: 'none', ...anyone(200) },
  { route: 'GET /health/ready', world: 'none', ...anyone(200) },
  { route: 'GET /docs-json', world: 'none', ...anyone(200) },
  { route: 'GET /', world: 'none', ...anyone(302) },
];

const SEVEN_DAYS = 7 * 86_400;
const TWENTY_EIGHT_DAYS = 28 * 86_400;

describe('Authorization matrix: every route × every kind of caller', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const shared = new Map<WorldState, World>();
  async function worldFor(state: WorldState, cell: Cell): Promise<World> {
    const status = typeof cell === 'number' ? cell : cell[0];
    if (status < 400) return buildWorld(t, state);
    if (!shared.has(state)) shared.set(state, await buildWorld(t, state));
    return shared.get(state) as World;
  }

  /** The Authorization header a caller sends, and how far the clock must move first. */
  async function credentials(
    caller: Caller,
    route: string,
    w: World,
  ): Promise<{ header?: string; advance: number }> {
    const refreshRoute = route === 'POST /refresh';
    const bearer = (id: number, type: 'access' | 'refresh') => t.bearer(id, type);
    const own = refreshRoute ? 'refresh' : 'access';
    switch (caller) {
      case 'none':
        return { advance: 0 };
      case 'malformed':
        return { header: 'Bearer not.a.jwt', advance: 0 };
      case 'expired':
        return {
          header: await bearer(w.sender.id, own),
          advance: (refreshRoute ? TWENTY_EIGHT_DAYS : SEVEN_DAYS) + 1,
        };
      case 'wrongType':
        return { header: await bearer(w.sender.id, refreshRoute ? 'access' : 'refresh'), advance: 0 };
      case 'deleted':
        return { header: await bearer(w.deletedId, own), advance: 0 };
      case 'stranger':
      case 'sender':
      case 'receiver':
      case 'other':
      case 'admin':
        return { header: await bearer(w[caller].id, own), advance: 0 };
    }
  }

  it('has a row for every route the app documents', async () => {
    const spec = await t.http.get('/docs-json').expect(200);
    const documented = Object.entries(spec.body.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, ':id')}`),
    );
    const covered = new Set(MATRIX.map((row) => row.route.replace(/:[a-z]+/g, ':id')));
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
  });

  describe.each(MATRIX.map((row) => [row.route, row] as const))('%s', (route, row) => {
    it.each(CALLERS.map((caller) => [caller, row[caller]] as const))('%s → %j', async (caller, cell) => {
      const w = await worldFor(row.world, cell);
      const [method, template] = route.split(' ');
      const { header, advance } = await credentials(caller, route, w);
      const request = t.http[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](
        fillPath(template, w),
      );
      if (header) void request.set('Authorization', header);
      const body = validBody(route, w, t.clock.nowSeconds() + advance);
      if (body) void request.send(body);
      t.clock.advance(advance);
      try {
        const res = await request;
        const [status, message] = typeof cell === 'number' ? [cell, undefined] : cell;
        expect({ status: res.status, body: message ? res.body : undefined }).toEqual({
          status,
          body: message ? { message } : undefined,
        });
        expect(leaks(res)).toEqual([]);
      } finally {
        t.clock.reset();
      }
    });
  });
});
