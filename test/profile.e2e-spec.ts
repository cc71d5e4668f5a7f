import { createRelation, createTestApp, createUser, DEFAULT_PASSWORD, TestApp } from '@app/testing';
import { MentorshipRelation } from '../src/mentorship/relation.entity';
import { RelationState } from '../src/mentorship/relation-state';
import { TaskComment } from '../src/tasks/task-comment.entity';
import { Task } from '../src/tasks/task.entity';
import { User } from '../src/users/user.entity';

const PRIVATE_KEYS = [
  'available_to_mentor',
  'bio',
  'current_mentorship_role',
  'email',
  'email_verification_date',
  'id',
  'interests',
  'is_admin',
  'is_email_verified',
  'location',
  'membership_status',
  'name',
  'need_mentoring',
  'occupation',
  'organization',
  'photo_url',
  'registration_date',
  'resume_url',
  'skills',
  'slack_username',
  'social_media_links',
  'terms_and_conditions_checked',
  'username',
];
const GATE_404 = { message: 'User does not exist.' };
const GATE_403 = { message: 'Please verify your email before login.' };

describe('GET/PUT/DELETE /user and PUT /user/change_password (API.md §3.4–§3.7)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const as = (user: User | number) => t.bearer(user);
  const unverifiedUser = () =>
    createUser(t.dataSource, { isEmailVerified: false, emailVerificationDate: null });
  const reload = (user: User) => t.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
  const put = async (user: User | number, body: unknown, status: number, expected?: object) => {
    const req = t.http
      .put('/user')
      .set('Authorization', await as(user))
      .send(body as object);
    return expected === undefined ? req.expect(status) : req.expect(status, expected);
  };

  describe('GET /user', () => {
    it('returns the PrivateUser with float and ISO dates', async () => {
      const user = await createUser(t.dataSource, {
        registrationDate: new Date('2021-02-03T10:11:12Z'),
        emailVerificationDate: new Date('2021-02-04T01:02:03Z'),
        bio: 'Hello',
      });
      const res = await t.http
        .get('/user')
        .set('Authorization', await as(user))
        .expect(200);
      expect(Object.keys(res.body).sort()).toEqual(PRIVATE_KEYS);
      expect(res.body).toMatchObject({
        id: user.id,
        username: user.username,
        email: user.email,
        is_admin: false,
        is_email_verified: true,
        email_verification_date: '2021-02-04T01:02:03',
        bio: 'Hello',
        location: null,
        current_mentorship_role: null,
        membership_status: null,
      });
      expect(res.text).toContain('"registration_date":1612347072.0');
    });

    it('applies gate G', async () => {
      await t.http.get('/user').expect(401, { message: 'The authorization token is missing!' });
      await t.http
        .get('/user')
        .set('Authorization', await as(999_999))
        .expect(404, GATE_404);
      await t.http
        .get('/user')
        .set('Authorization', await as(await unverifiedUser()))
        .expect(403, GATE_403);
    });
  });

  describe('PUT /user', () => {
    it('needs data: empty, absent and non-object bodies', async () => {
      const user = await createUser(t.dataSource);
      const noData = { message: 'No data for updating profile was sent.' };
      await put(user, {}, 400, noData);
      await t.http
        .put('/user')
        .set('Authorization', await as(user))
        .expect(400, noData);
      for (const raw of ['null', '[]', '[1]', '"text"', '5']) {
        await t.http
          .put('/user')
          .set('Authorization', await as(user))
          .set('Content-Type', 'application/json')
          .send(raw)
          .expect(400, noData);
      }
    });

    it.each([
      [
        { username: 'abc' },
        'The username field has to be longer than 4 characters and shorter than 26 characters.',
      ],
      [{ username: 'no spaces allowed' }, 'Your new username is invalid.'],
      [{ username: 42 }, 'Your new username is invalid.'],
      [{ name: 'J' }, 'The name field has to be longer than 1 characters and shorter than 31 characters.'],
      [{ name: 'R2D2' }, 'Your name is invalid.'],
      [{ name: ['Jane'] }, 'Your name is invalid.'],
      [{ bio: 'b'.repeat(451) }, 'The bio field has to be shorter than 451 characters.'],
      [{ location: 'l'.repeat(61) }, 'The location field has to be shorter than 61 characters.'],
      [{ occupation: 'o'.repeat(61) }, 'The occupation field has to be shorter than 61 characters.'],
      [{ organization: 'o'.repeat(61) }, 'The organization field has to be shorter than 61 characters.'],
      [{ slack_username: 's'.repeat(61) }, 'The slack_username field has to be shorter than 61 characters.'],
      [
        { social_media_links: 's'.repeat(401) },
        'The social_media_links field has to be shorter than 401 characters.',
      ],
      [{ skills: 's'.repeat(451) }, 'The skills field has to be shorter than 451 characters.'],
      [{ interests: 'i'.repeat(151) }, 'The interests field has to be shorter than 151 characters.'],
      [{ resume_url: 'r'.repeat(201) }, 'The resume_url field has to be shorter than 201 characters.'],
      [{ photo_url: 'p'.repeat(201) }, 'The photo_url field has to be shorter than 201 characters.'],
      [{ occupation: 7 }, 'Invalid input.'],
      [{ need_mentoring: null }, 'Field need_mentoring is not valid.'],
      [{ need_mentoring: 'true' }, 'Field need_mentoring is not valid.'],
      [{ available_to_mentor: null }, 'Field available_to_mentor is not valid.'],
      [
        { name: 'J', username: 'abc' },
        'The username field has to be longer than 4 characters and shorter than 26 characters.',
      ],
      [{ bio: 'b'.repeat(451), name: 'R2D2' }, 'Your name is invalid.'],
      [
        { need_mentoring: null, skills: 's'.repeat(451) },
        'The skills field has to be shorter than 451 characters.',
      ],
      [{ available_to_mentor: null, need_mentoring: null }, 'Field need_mentoring is not valid.'],
    ])('answers %p with 400 %p, before the gate', async (body, message) => {
      await put(await createUser(t.dataSource), body, 400, { message });
      await put(999_999, body, 400, { message });
    });

    it('applies gate G after validation, then refuses taken usernames (also your own) with 400', async () => {
      await put(999_999, { bio: 'x' }, 404, GATE_404);
      await put(await unverifiedUser(), { bio: 'x' }, 403, GATE_403);
      const other = await createUser(t.dataSource, { username: 'Taken_Name' });
      const user = await createUser(t.dataSource);
      const taken = { message: 'A user with that username already exists.' };
      await put(user, { username: 'taken_name' }, 400, taken);
      await put(user, { username: user.username }, 400, taken);
      expect((await reload(other)).username).toBe('Taken_Name');
    });

    it('updates, clears and keeps fields as §3.5 says; protected fields never change', async () => {
      const user = await createUser(t.dataSource, {
        name: 'Old Name',
        bio: 'old bio',
        location: 'Old Town',
        skills: 'old skills',
        needMentoring: true,
        availableToMentor: false,
      });
      const res = await put(
        user,
        {
          username: 'Brand_New_Name',
          name: ' New  Name ',
          bio: 'b'.repeat(450),
          location: '',
          occupation: 'Engineer',
          photo_url: 'https://example.com/p.png',
          need_mentoring: false,
          available_to_mentor: true,
          id: 424242,
          email: 'hijack@example.com',
          is_admin: true,
          is_email_verified: false,
          password: 'hijacked123',
          password_hash: 'x',
          registration_date: 1,
          unknown_key: 'ignored',
        },
        200,
      );
      expect(res.body).toEqual({ message: 'User was updated successfully.' });
      const after = await reload(user);
      expect(after).toMatchObject({
        id: user.id,
        username: 'Brand_New_Name',
        usernameKey: 'brand_new_name',
        name: ' New  Name ',
        bio: 'b'.repeat(450),
        location: null,
        occupation: 'Engineer',
        skills: 'old skills',
        photoUrl: 'https://example.com/p.png',
        needMentoring: false,
        availableToMentor: true,
        email: user.email,
        emailKey: user.emailKey,
        isAdmin: false,
        isEmailVerified: true,
        passwordHash: user.passwordHash,
      });
      expect(after.registrationDate).toEqual(user.registrationDate);

      await put(user, { name: '', username: null, skills: null }, 200);
      expect(await reload(user)).toMatchObject({
        name: ' New  Name ',
        username: 'Brand_New_Name',
        skills: null,
      });
      await put(user, { only_unknown: true }, 200);
      // The new username is now looked up case-insensitively by login.
      await t.http
        .post('/login')
        .send({ username: 'BRAND_NEW_NAME', password: DEFAULT_PASSWORD })
        .expect(200);
    });
  });

  describe('PUT /user/change_password', () => {
    const change = (auth: string | null, body: unknown) => {
      const req = t.http.put('/user/change_password');
      if (auth) void req.set('Authorization', auth);
      return req.send(body as object);
    };

    it('validates the schema before the token', async () => {
      let res = await change(null, {}).expect(400);
      expect(res.body).toEqual({
        message: 'Input payload validation failed',
        errors: {
          current_password: "'current_password' is a required property",
          new_password: "'new_password' is a required property",
        },
      });
      res = await change(null, { current_password: 'x', new_password: 12345678 }).expect(400);
      expect(res.body.errors).toEqual({ new_password: "12345678 is not of type 'string'" });
      res = await t.http.put('/user/change_password').expect(400);
      expect(res.body.errors).toEqual({ '': "None is not of type 'object'" });
      await change(null, { current_password: 'a', new_password: 'b' }).expect(401, {
        message: 'The authorization token is missing!',
      });
      await change('Bearer nope', { current_password: 'a', new_password: 'b' }).expect(401, {
        message: 'The token is invalid!',
      });
    });

    it('checks same, spaces and length before the gate, the current password after it', async () => {
      const ghost = await as(999_999);
      await change(ghost, { current_password: 'same12345', new_password: 'same12345' }).expect(400, {
        message: 'New password should not be same as the current password.',
      });
      await change(ghost, { current_password: 'x', new_password: 'has space1' }).expect(400, {
        message: "Password shouldn't contain spaces.",
      });
      const length = {
        message: 'The new_password field has to be longer than 7 characters and shorter than 65 characters.',
      };
      await change(ghost, { current_password: 'x', new_password: 'short' }).expect(400, length);
      await change(ghost, { current_password: 'x', new_password: 'p'.repeat(65) }).expect(400, length);
      await change(ghost, { current_password: 'x', new_password: 'long-enough' }).expect(404, GATE_404);
      await change(await as(await unverifiedUser()), {
        current_password: 'x',
        new_password: 'long-enough',
      }).expect(403, GATE_403);
      const user = await createUser(t.dataSource);
      await change(await as(user), { current_password: 'wrong-one', new_password: 'long-enough' }).expect(
        400,
        {
          message: 'Current password is incorrect.',
        },
      );
    });

    it('stores the new password with 201; old tokens keep working', async () => {
      const user = await createUser(t.dataSource);
      const auth = await as(user);
      await change(auth, { current_password: DEFAULT_PASSWORD, new_password: 'brand-new-pw' }).expect(201, {
        message: 'Password was updated successfully.',
      });
      expect((await reload(user)).passwordHash).toMatch(/^\$2b\$10\$/);
      await t.http.post('/login').send({ username: user.username, password: DEFAULT_PASSWORD }).expect(401);
      await t.http.post('/login').send({ username: user.username, password: 'brand-new-pw' }).expect(200);
      await t.http.get('/user').set('Authorization', auth).expect(200);
    });
  });

  describe('DELETE /user', () => {
    it('applies gate G, then protects the only admin', async () => {
      await t.http.delete('/user').expect(401, { message: 'The authorization token is missing!' });
      await t.http
        .delete('/user')
        .set('Authorization', await as(999_999))
        .expect(404, GATE_404);
      await t.http
        .delete('/user')
        .set('Authorization', await as(await unverifiedUser()))
        .expect(403, GATE_403);
      const admin = await createUser(t.dataSource, { isAdmin: true });
      const onlyAdmin = { message: 'You cannot delete your account, since you are the only Admin left.' };
      await t.http
        .delete('/user')
        .set('Authorization', await as(admin))
        .expect(400, onlyAdmin);
      const second = await createUser(t.dataSource, { isAdmin: true });
      await t.http
        .delete('/user')
        .set('Authorization', await as(admin))
        .expect(200);
      await t.http
        .delete('/user')
        .set('Authorization', await as(second))
        .expect(400, onlyAdmin);
    });

    it('deletes the account: pending requests go, the accepted relation is cancelled, the rest is kept with nulls', async () => {
      const user = await createUser(t.dataSource);
      const others = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(t.dataSource)));
      const relations = t.dataSource.getRepository(MentorshipRelation);
      const pending = await createRelation(t.dataSource, { mentor: user, mentee: others[0] });
      const received = await createRelation(t.dataSource, {
        mentor: others[1],
        mentee: user,
        sender: others[1],
      });
      const accepted = await createRelation(t.dataSource, {
        mentor: others[2],
        mentee: user,
        state: RelationState.ACCEPTED,
      });
      const completed = await createRelation(t.dataSource, {
        mentor: user,
        mentee: others[3],
        state: RelationState.COMPLETED,
      });
      const unrelated = await createRelation(t.dataSource, { mentor: others[3], mentee: others[4] });
      const now = new Date('2024-01-01T00:00:00Z');
      await t.dataSource.getRepository(Task).insert({
        relationId: accepted.id,
        id: 1,
        description: 'Read',
        isDone: false,
        createdAt: now,
        completedAt: null,
      });
      const comment = await t.dataSource.getRepository(TaskComment).save({
        userId: user.id,
        taskId: 1,
        relationId: accepted.id,
        creationDate: now,
        modificationDate: null,
        comment: 'I wrote this',
      });

      const res = await t.http
        .delete('/user')
        .set('Authorization', await as(user))
        .expect(200);
      expect(res.body).toEqual({ message: 'User was deleted successfully.' });

      expect(await t.dataSource.getRepository(User).findOneBy({ id: user.id })).toBeNull();
      expect(await relations.findOneBy({ id: pending.id })).toBeNull();
      expect(await relations.findOneBy({ id: received.id })).toBeNull();
      expect(await relations.findOneByOrFail({ id: accepted.id })).toMatchObject({
        state: RelationState.CANCELLED,
        mentorId: others[2].id,
        menteeId: null,
        actionUserId: user.id,
      });
      expect(await relations.findOneByOrFail({ id: completed.id })).toMatchObject({
        state: RelationState.COMPLETED,
        mentorId: null,
        menteeId: others[3].id,
      });
      expect(await relations.findOneByOrFail({ id: unrelated.id })).toMatchObject({
        state: RelationState.PENDING,
        mentorId: others[3].id,
        menteeId: others[4].id,
      });
      expect(await t.dataSource.getRepository(TaskComment).findOneByOrFail({ id: comment.id })).toMatchObject(
        {
          userId: null,
          comment: 'I wrote this',
        },
      );
      expect(await t.dataSource.getRepository(Task).countBy({ relationId: accepted.id })).toBe(1);
      await t.http
        .get('/user')
        .set('Authorization', await as(user))
        .expect(404, GATE_404);
    });
  });

  it('never sends a password hash, and not the word password, in any of these responses', async () => {
    const user = await createUser(t.dataSource, { isAdmin: true });
    const auth = await as(user);
    const login = await t.http
      .post('/login')
      .send({ username: user.email, password: DEFAULT_PASSWORD })
      .expect(200);
    const texts = [
      login.text,
      (await t.http.post('/refresh').set('Authorization', `Bearer ${login.body.refresh_token}`).expect(200))
        .text,
      (await t.http.get('/user').set('Authorization', auth).expect(200)).text,
      (await t.http.get('/users?per_page=50').set('Authorization', auth).expect(200)).text,
      (await t.http.get('/users/verified?per_page=50').set('Authorization', auth).expect(200)).text,
      (await t.http.get(`/users/${user.id}`).set('Authorization', auth).expect(200)).text,
      (await t.http.put('/user').set('Authorization', auth).send({ bio: 'hi' }).expect(200)).text,
      (await t.http.get('/home').set('Authorization', auth).expect(200)).text,
      (await t.http.get('/dashboard').set('Authorization', auth).expect(200)).text,
    ];
    for (const text of texts) {
      expect(text).not.toContain('$2b$');
      expect(text.toLowerCase()).not.toContain('password');
    }
  });
});
