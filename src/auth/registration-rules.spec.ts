import { registrationError, RegistrationFields } from './registration-rules';

const valid: RegistrationFields = {
  name: 'Jane Doe',
  username: 'jane_doe',
  password: 'secret123',
  email: 'jane@example.com',
  terms_and_conditions_checked: true,
};

describe('registrationError (API.md §2.1)', () => {
  it('accepts a valid registration', () => {
    expect(registrationError(valid)).toBeNull();
  });

  it.each<[Partial<RegistrationFields>, string]>([
    [{ password: 'has space1' }, "Password shouldn't contain spaces."],
    [{ name: ' a ' }, 'The name field has to be longer than 1 characters and shorter than 31 characters.'],
    [
      { name: 'a'.repeat(31) },
      'The name field has to be longer than 1 characters and shorter than 31 characters.',
    ],
    [
      { name: `a${' '.repeat(30)}b` },
      'The name field has to be longer than 1 characters and shorter than 31 characters.',
    ],
    [
      { username: 'abcd' },
      'The username field has to be longer than 4 characters and shorter than 26 characters.',
    ],
    [
      { username: 'a'.repeat(26) },
      'The username field has to be longer than 4 characters and shorter than 26 characters.',
    ],
    [
      { password: 'short12' },
      'The password field has to be longer than 7 characters and shorter than 65 characters.',
    ],
    [
      { password: 'p'.repeat(65) },
      'The password field has to be longer than 7 characters and shorter than 65 characters.',
    ],
    [{ terms_and_conditions_checked: false }, 'Terms and conditions are not checked.'],
    [{ name: 'Jane2' }, 'Your name is invalid.'],
    [{ name: 'Jóse' }, 'Your name is invalid.'],
    [{ email: 'jane@example' }, 'Your email is invalid.'],
    [{ username: 'jane-doe' }, 'Your username is invalid.'],
  ])('%p → %s', (override, message) => {
    expect(registrationError({ ...valid, ...override })).toBe(message);
  });

  it('counts lengths without whitespace and checks in contract order', () => {
    expect(registrationError({ ...valid, name: ' a b ' })).toBeNull();
    // Both the spaces rule and the name length fail: spaces come first.
    expect(registrationError({ ...valid, password: 'a b', name: 'x' })).toBe(
      "Password shouldn't contain spaces.",
    );
    // Name length beats the name regex.
    expect(registrationError({ ...valid, name: '1' })).toBe(
      'The name field has to be longer than 1 characters and shorter than 31 characters.',
    );
    expect(registrationError({ ...valid, name: 'A1', email: 'bad' })).toBe('Your name is invalid.');
    expect(registrationError({ ...valid, email: 'bad', username: 'bad-name' })).toBe(
      'Your email is invalid.',
    );
  });

  it('rejects a trailing newline that Python regexes would accept (Q12)', () => {
    expect(registrationError({ ...valid, username: 'jane_doe\n' })).toBe('Your username is invalid.');
  });
});
