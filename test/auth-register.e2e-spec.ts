import { createTestApp, createUser, TestApp } from '@app/testing';
import { OutboxSender } from '../src/mail/outbox-sender';
import { User } from '../src/users/user.entity';

const SCHEMA_FAILED = 'Input payload validation failed';
const REGISTERED =
  'User was created successfully.A confirmation email has been sent via email. After confirming your email you can login.';

describe('POST /register and email confirmation (API.md §2.1–§2.3)', () => {
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const fresh = () => {
    seq += 1;
    return {
      name: 'Jane Doe',
      username: `jane_${seq}`,
      password: 'secret123',
      email: `jane${seq}@example.com`,
      terms_and_conditions_checked: true,
    };
  };
  const register = (body: unknown) => t.http.post('/register').send(body as object);
  const findUser = (username: string) => t.dataSource.getRepository(User).findOneByOrFail({ username });

  async function mailsTo(address: string, count = 1) {
    for (let i = 0; i < 200 && t.mail.to(address).length < count; i++)
      await new Promise((r) => setTimeout(r, 50));
    return t.mail.to(address);
  }

  function confirmPath(html: string): string {
    const match = /href="http:\/\/mentorship\.test(\/user\/confirm_email\/[^"]+)"/.exec(html);
    if (!match) throw new Error(`no confirmation link in ${html}`);
    return match[1];
  }

  describe('register', () => {
    it('makes the very first user an admin, the next ones not, and stores what was sent', async () => {
      const first = { ...fresh(), name: ' Ada  Lovelace ' };
      const res = await register(first).expect(201);
      expect(res.body).toEqual({ message: REGISTERED });
      const ada = await findUser(first.username);
      expect(ada).toMatchObject({
        name: ' Ada  Lovelace ',
        isAdmin: true,
        isEmailVerified: false,
        emailVerificationDate: null,
        needMentoring: false,
        availableToMentor: false,
        termsAndConditionsChecked: true,
      });
      expect(ada.passwordHash).toMatch(/^\$2b\$10\$/);
      expect(Math.abs(ada.registrationDate.getTime() - Date.now())).toBeLessThan(5000);

      const second = { ...fresh(), need_mentoring: true, available_to_mentor: true };
      await register(second).expect(201);
      expect(await findUser(second.username)).toMatchObject({
        isAdmin: false,
        needMentoring: true,
        availableToMentor: true,
      });
    });

    it('validates the schema before anything else, even with a token', async () => {
      const token = await t.token(1);
      let res = await t.http.post('/register').set('Authorization', `Bearer ${token}`).send({}).expect(400);
      expect(res.body).toEqual({
        message: SCHEMA_FAILED,
        errors: {
          name: "'name' is a required property",
          username: "'username' is a required property",
          password: "'password' is a required property",
          email: "'email' is a required property",
          terms_and_conditions_checked: "'terms_and_conditions_checked' is a required property",
        },
      });
      const { email: _email, ...noEmail } = fresh();
      res = await register(noEmail).expect(400);
      expect(res.body).toEqual({
        message: SCHEMA_FAILED,
        errors: { email: "'email' is a required property" },
      });
      res = await register({ ...fresh(), name: null, terms_and_conditions_checked: 'yes' }).expect(400);
      expect(res.body.errors).toEqual({
        name: "None is not of type 'string'",
        terms_and_conditions_checked: "'yes' is not of type 'boolean'",
      });
      res = await register({ ...fresh(), username: 12345, need_mentoring: null }).expect(400);
      expect(res.body.errors).toEqual({
        username: "12345 is not of type 'string'",
        need_mentoring: "None is not of type 'boolean'",
      });
      res = await register({ ...fresh(), available_to_mentor: 'true' }).expect(400);
      expect(res.body.errors).toEqual({ available_to_mentor: "'true' is not of type 'boolean'" });
      res = await t.http.post('/register').expect(400);
      expect(res.body).toEqual({ message: SCHEMA_FAILED, errors: { '': "None is not of type 'object'" } });
      res = await t.http.post('/register').set('Content-Type', 'application/json').send('[]').expect(400);
      expect(res.body.errors).toEqual({ '': "[] is not of type 'object'" });
    });

    it.each([
      [{ password: 'with space1' }, "Password shouldn't contain spaces."],
      [{ name: 'J' }, 'The name field has to be longer than 1 characters and shorter than 31 characters.'],
      [
        { name: 'J'.repeat(31) },
        'The name field has to be longer than 1 characters and shorter than 31 characters.',
      ],
      [
        { username: 'a b c' },
        'The username field has to be longer than 4 characters and shorter than 26 characters.',
      ],
      [
        { username: 'u'.repeat(26) },
        'The username field has to be longer than 4 characters and shorter than 26 characters.',
      ],
      [
        { password: 'short' },
        'The password field has to be longer than 7 characters and shorter than 65 characters.',
      ],
      [
        { password: 'p'.repeat(65) },
        'The password field has to be longer than 7 characters and shorter than 65 characters.',
      ],
      [{ terms_and_conditions_checked: false }, 'Terms and conditions are not checked.'],
      [{ name: "O'Brien" }, 'Your name is invalid.'],
      [{ email: 'not-an-email' }, 'Your email is invalid.'],
      [{ username: 'jane.doe' }, 'Your username is invalid.'],
      // Check order: spaces before name length, name length before terms, terms before regexes.
      [{ password: 'a b', name: 'J' }, "Password shouldn't contain spaces."],
      [
        { name: 'J', username: 'abc' },
        'The name field has to be longer than 1 characters and shorter than 31 characters.',
      ],
      [
        { username: 'abc', password: 'short' },
        'The username field has to be longer than 4 characters and shorter than 26 characters.',
      ],
      [
        { password: 'short', terms_and_conditions_checked: false },
        'The password field has to be longer than 7 characters and shorter than 65 characters.',
      ],
      [{ terms_and_conditions_checked: false, name: 'J0hn' }, 'Terms and conditions are not checked.'],
      [{ name: 'J0hn', email: 'bad' }, 'Your name is invalid.'],
      [{ email: 'bad', username: 'ba-d!' }, 'Your email is invalid.'],
    ])('answers %p with 400 %p', async (override, message) => {
      const res = await register({ ...fresh(), ...override }).expect(400);
      expect(res.body).toEqual({ message });
    });

    it('refuses taken usernames (first) and emails, case-insensitively, with 409', async () => {
      const taken = fresh();
      await register(taken).expect(201);
      let res = await register({ ...fresh(), username: taken.username.toUpperCase() }).expect(409);
      expect(res.body).toEqual({ message: 'A user with that username already exists.' });
      res = await register({ ...fresh(), email: taken.email.toUpperCase() }).expect(409);
      expect(res.body).toEqual({ message: 'A user with that email already exists.' });
      res = await register({ ...taken }).expect(409);
      expect(res.body).toEqual({ message: 'A user with that username already exists.' });
    });

    it('lets exactly one of two concurrent registrations of one username through', async () => {
      const base = fresh();
      const results = await Promise.all(
        [1, 2, 3].map((i) => register({ ...base, email: `race${i}_${base.email}` })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      for (const r of results.filter((r) => r.status === 409)) {
        expect(r.body).toEqual({ message: 'A user with that username already exists.' });
      }
    });
  });

  describe('confirmation email and link', () => {
    it('sends the confirmation email whose link confirms the account', async () => {
      const user = { ...fresh(), name: 'Grace Hopper', email: `${'g'.repeat(200)}${seq}@example.com` };
      await register(user).expect(201);
      const [mail] = await mailsTo(user.email);
      expect(mail.subject).toBe('Mentorship System - Please confirm your email');
      expect(mail.html).toContain('Hi Grace Hopper,');
      expect(mail.html).toContain('active for 30 days');
      const path = confirmPath(mail.html);
      expect(path).toMatch(/^\/user\/confirm_email\/[\w.-]+$/);

      let res = await t.http.get(path).expect(200);
      expect(res.body).toEqual({ message: 'You have confirmed your account. Thanks!' });
      const stored = await findUser(user.username);
      expect(stored.isEmailVerified).toBe(true);
      expect(stored.emailVerificationDate).not.toBeNull();
      res = await t.http.get(path).expect(200);
      expect(res.body).toEqual({ message: 'Account already confirmed.' });
    });

    it('answers 400 for malformed, forged and expired tokens, and for deleted users', async () => {
      const invalid = { message: 'The confirmation link is invalid or the token has expired.' };
      for (const token of ['abc', 'abc.def', 'eyJhbGciOiJIUzI1NiJ9.e30.sig']) {
        await t.http.get(`/user/confirm_email/${token}`).expect(400, invalid);
      }
      // A JWT signed with the same secret is not a confirmation token.
      await t.http.get(`/user/confirm_email/${await t.token(1)}`).expect(400, invalid);

      const user = fresh();
      await register(user).expect(201);
      const path = confirmPath((await mailsTo(user.email))[0].html);
      const [payload, mac] = path.split('/').pop()!.split('.');
      await t.http.get(`/user/confirm_email/${payload}.${mac.slice(0, -2)}AA`).expect(400, invalid);

      t.clock.advance(30 * 86400 + 1);
      try {
        await t.http.get(path).expect(400, invalid);
      } finally {
        t.clock.reset();
      }

      await t.dataSource.getRepository(User).delete({ username: user.username });
      await t.http.get(path).expect(400, invalid);
    });

    it('keeps an earlier token valid after a resend, and accepts a token just inside 30 days', async () => {
      const user = fresh();
      await register(user).expect(201);
      const firstPath = confirmPath((await mailsTo(user.email))[0].html);
      t.clock.advance(10);
      try {
        await t.http.post('/user/resend_email').send({ email: user.email }).expect(200);
        const mails = await mailsTo(user.email, 2);
        expect(confirmPath(mails[1].html)).not.toBe(firstPath);
        t.clock.advance(30 * 86400 - 20);
        await t.http.get(firstPath).expect(200, { message: 'You have confirmed your account. Thanks!' });
      } finally {
        t.clock.reset();
      }
    });

    it('survives an SMTP outage: 201 at once, exactly one email once SMTP is back', async () => {
      const user = fresh();
      await t.mail.stop();
      try {
        const res = await register(user).expect(201);
        expect(res.body).toEqual({ message: REGISTERED });
        await new Promise((r) => setTimeout(r, 300));
      } finally {
        await t.mail.start();
      }
      await mailsTo(user.email);
      await t.app.get(OutboxSender).flush();
      await new Promise((r) => setTimeout(r, 300));
      expect(t.mail.to(user.email)).toHaveLength(1);
    });
  });

  describe('POST /user/resend_email', () => {
    it('answers a missing email field, also for absent and non-object bodies', async () => {
      const missing = { message: 'Email field is missing.' };
      await t.http.post('/user/resend_email').send({}).expect(400, missing);
      await t.http.post('/user/resend_email').expect(400, missing);
      await t.http
        .post('/user/resend_email')
        .set('Content-Type', 'application/json')
        .send('null')
        .expect(400, missing);
      await t.http
        .post('/user/resend_email')
        .set('Content-Type', 'application/json')
        .send('[1]')
        .expect(400, missing);
      await t.http
        .post('/user/resend_email')
        .set('Content-Type', 'text/plain')
        .send('email=a@b.co')
        .expect(400, missing);
    });

    it('answers invalid, unknown and already verified emails', async () => {
      const invalid = { message: 'Your email is invalid.' };
      for (const email of ['nope', '', null, 42, ['a@b.co']]) {
        await t.http.post('/user/resend_email').send({ email }).expect(400, invalid);
      }
      await t.http
        .post('/user/resend_email')
        .send({ email: 'nobody@example.com' })
        .expect(404, { message: 'You are not registered in the system.' });
      const verified = await createUser(t.dataSource);
      await t.http
        .post('/user/resend_email')
        .send({ email: verified.email.toUpperCase() })
        .expect(409, { message: 'You already confirm your email.' });
    });

    it('sends a new confirmation email to an unverified user', async () => {
      const user = fresh();
      await register(user).expect(201);
      await mailsTo(user.email);
      await t.http
        .post('/user/resend_email')
        .send({ email: user.email.toUpperCase() })
        .expect(200, { message: 'Check your email, a new verification email was sent.' });
      const mails = await mailsTo(user.email, 2);
      expect(mails).toHaveLength(2);
      expect(mails[1].subject).toBe('Mentorship System - Please confirm your email');
    });
  });
});
