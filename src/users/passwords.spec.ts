import { hashSync } from 'bcrypt';
import { loadConfig } from '../config';
import { Passwords } from './passwords';

describe('Passwords', () => {
  const passwords = new Passwords(loadConfig({ PASSWORD_HASH_CONCURRENCY: '2' }));

  it('checks a password against the hash it made, and nothing else', async () => {
    const stored = await passwords.hash('correct horse');
    expect(stored).toMatch(/^\$2b\$10\$/);
    await expect(passwords.verify('correct horse', stored)).resolves.toBe(true);
    await expect(passwords.verify('wrong horse', stored)).resolves.toBe(false);
  });

  it('refuses a missing hash and one bcrypt cannot read, without throwing', async () => {
    await expect(passwords.verify('anything', null)).resolves.toBe(false);
    await expect(passwords.verify('x', 'pbkdf2:sha256:260000$salt$abcdef')).resolves.toBe(false);
  });

  it('answers every one of many concurrent checks through the limited pool', async () => {
    const stored = hashSync('pw', 4);
    const verdicts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => passwords.verify(i % 2 ? 'pw' : 'no', stored)),
    );
    expect(verdicts).toEqual([false, true, false, true, false, true]);
  });
});
