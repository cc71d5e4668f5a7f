import { createRelation, createTestApp, createUser, TestApp } from '@app/testing';
import { RelationState } from '../src/mentorship/relation-state';
import { User } from '../src/users/user.entity';

const PUBLIC_KEYS = [
  'available_to_mentor',
  'bio',
  'id',
  'interests',
  'is_available',
  'location',
  'name',
  'need_mentoring',
  'occupation',
  'organization',
  'registration_date',
  'skills',
  'slack_username',
  'username',
];

describe('GET /users, /users/verified, /users/{id} (API.md §3.1–§3.3)', () => {
  let t: TestApp;
  let caller: User;
  let token: string;
  const all: User[] = [];
  let unverified: User;
  let busy: User;
  let idle: User;

  beforeAll(async () => {
    t = await createTestApp();
    caller = await createUser(t.dataSource, { username: 'caller_one', name: 'Caller' });
    token = await t.token(caller.id);
    // 12 more users: a searchable mix, one unverified, one in an accepted relation, one not available.
    for (let i = 0; i < 9; i++)
      all.push(await createUser(t.dataSource, { username: `member_${i}`, name: 'Member' }));
    unverified = await createUser(t.dataSource, {
      username: 'quiet_unverified',
      name: 'Una Verified',
      isEmailVerified: false,
      emailVerificationDate: null,
    });
    busy = await createUser(t.dataSource, { username: 'Busy_Bee', name: 'Bee Busy' });
    idle = await createUser(t.dataSource, {
      username: 'idle_one',
      name: 'Percent Sign',
      needMentoring: false,
      availableToMentor: false,
    });
    all.push(unverified, busy, idle);
    await createRelation(t.dataSource, { mentor: busy, mentee: caller, state: RelationState.ACCEPTED });
    await createRelation(t.dataSource, { mentor: all[0], mentee: all[1], state: RelationState.PENDING });
    await createRelation(t.dataSource, { mentor: all[2], mentee: all[3], state: RelationState.COMPLETED });
  });

  afterAll(async () => {
    await t.close();
  });

  const get = (path: string) => t.http.get(path).set('Authorization', `Bearer ${token}`);
  const ids = (body: { id: number }[]) => body.map((u) => u.id);

  it('needs an access token', async () => {
    await t.http.get('/users').expect(401, { message: 'The authorization token is missing!' });
    await t.http.get('/users/verified').expect(401, { message: 'The authorization token is missing!' });
    await t.http.get(`/users/${caller.id}`).expect(401, { message: 'The authorization token is missing!' });
    const refresh = await t.token(caller.id, 'refresh');
    await t.http
      .get('/users')
      .set('Authorization', `Bearer ${refresh}`)
      .expect(401, { message: 'The token is invalid!' });
  });

  it('lists other users by id, 10 per page, unverified included, as PublicUser with float dates', async () => {
    const res = await get('/users').expect(200);
    expect(ids(res.body)).toEqual(ids(all.slice(0, 10)));
    expect(Object.keys(res.body[0]).sort()).toEqual(PUBLIC_KEYS);
    expect(res.text).toContain(`"registration_date":${all[0].registrationDate.getTime() / 1000}.0`);
    expect(res.text).not.toMatch(/email|password|\$2b\$|is_admin|photo_url|resume_url/);
    const page2 = await get('/users?page=2').expect(200);
    expect(ids(page2.body)).toEqual(ids(all.slice(10)));
    expect(ids(res.body)).toContain(unverified.id);
  });

  it('computes is_available from the flags and accepted relations', async () => {
    const res = await get('/users?per_page=50').expect(200);
    const byId = new Map(res.body.map((u: { id: number; is_available: boolean }) => [u.id, u.is_available]));
    expect(byId.get(busy.id)).toBe(false);
    expect(byId.get(idle.id)).toBe(false);
    expect(byId.get(all[0].id)).toBe(true);
    expect(byId.get(all[2].id)).toBe(true);
    expect(byId.has(caller.id)).toBe(false);
  });

  it('pages exactly as §3.1 says', async () => {
    const cases: [string, User[]][] = [
      ['?page=1&per_page=5', all.slice(0, 5)],
      ['?page=3&per_page=5', all.slice(10)],
      ['?page=4&per_page=5', []],
      ['?page=0&per_page=5', all.slice(0, 5)],
      ['?page=-3&per_page=5', all.slice(0, 5)],
      ['?page=abc&per_page=5', all.slice(0, 5)],
      ['?per_page=0', []],
      ['?per_page=-1', all],
      ['?per_page=500', all],
      ['?per_page=x', all.slice(0, 10)],
      ['?page=99999999999', []],
    ];
    for (const [query, expected] of cases) {
      const res = await get(`/users${query}`).expect(200);
      expect([query, ids(res.body)]).toEqual([query, ids(expected)]);
    }
  });

  it('searches name or username, case-insensitively, with % and _ taken literally', async () => {
    expect(ids((await get('/users?search=BUSY').expect(200)).body)).toEqual([busy.id]);
    expect(ids((await get('/users?search=bee').expect(200)).body)).toEqual([busy.id]);
    expect(ids((await get('/users?search=member_1').expect(200)).body)).toEqual([all[1].id]);
    expect(ids((await get('/users?search=ember&per_page=3&page=2').expect(200)).body)).toEqual(
      ids(all.slice(3, 6)),
    );
    expect((await get('/users?search=%25').expect(200)).body).toEqual([]);
    expect((await get('/users?search=e_b').expect(200)).body).toEqual([]);
    expect((await get('/users?search=caller').expect(200)).body).toEqual([]);
    expect(ids((await get('/users?search=').expect(200)).body)).toHaveLength(10);
  });

  it('/users/verified leaves out unverified users', async () => {
    const res = await get('/users/verified?per_page=50').expect(200);
    expect(ids(res.body)).toEqual(ids(all.filter((u) => u !== unverified)));
    expect((await get('/users/verified?search=quiet').expect(200)).body).toEqual([]);
    expect(ids((await get('/users?search=quiet').expect(200)).body)).toEqual([unverified.id]);
  });

  it('lists for a caller whose account is gone (no gate)', async () => {
    const ghost = await t.token(999_999);
    const res = await t.http.get('/users/verified').set('Authorization', `Bearer ${ghost}`).expect(200);
    expect(res.body).toHaveLength(10);
  });

  it('shows one user with is_available computed, the caller included', async () => {
    let res = await get(`/users/${busy.id}`).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(PUBLIC_KEYS);
    expect(res.body).toMatchObject({ id: busy.id, username: 'Busy_Bee', is_available: false });
    res = await get(`/users/${caller.id}/`).expect(200);
    expect(res.body).toMatchObject({ id: caller.id, is_available: false });
    res = await get(`/users/${all[0].id}`).expect(200);
    expect(res.body.is_available).toBe(true);
  });

  it('answers a missing user with 404 and an unverified one with 403', async () => {
    await get('/users/999999').expect(404, { message: 'User does not exist.' });
    await get('/users/99999999999').expect(404, { message: 'User does not exist.' });
    await get(`/users/${unverified.id}`).expect(403, { message: 'Please verify your email before login.' });
    const notFound = await get('/users/abc').expect(404);
    expect(notFound.body.message).toMatch(/^The requested URL was not found/);
  });
});
