import { profileUpdate } from './profile-update.rules';

const NAME_LENGTH = 'The name field has to be longer than 1 characters and shorter than 31 characters.';
const USERNAME_LENGTH =
  'The username field has to be longer than 4 characters and shorter than 26 characters.';

describe('profileUpdate (API.md §3.5 steps 1–6)', () => {
  it('needs some data', () => {
    expect(profileUpdate({})).toEqual({ ok: false, message: 'No data for updating profile was sent.' });
  });

  it('ignores unknown and protected keys', () => {
    expect(profileUpdate({ id: 9, email: 'x@y.z', is_admin: true, password: 'p' })).toEqual({
      ok: true,
      changes: {},
    });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ username: 'abc' }, USERNAME_LENGTH],
    [{ username: 'bad-name' }, 'Your new username is invalid.'],
    [{ username: 12345 }, 'Your new username is invalid.'],
    [{ name: 'J' }, NAME_LENGTH],
    [{ name: 'J4ne' }, 'Your name is invalid.'],
    [{ name: true }, 'Your name is invalid.'],
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
    [{ location: `a${' '.repeat(80)}b` }, 'The location field has to be shorter than 61 characters.'],
    [{ bio: 42 }, 'Invalid input.'],
    [{ need_mentoring: null }, 'Field need_mentoring is not valid.'],
    [{ need_mentoring: 'yes' }, 'Field need_mentoring is not valid.'],
    [{ available_to_mentor: null }, 'Field available_to_mentor is not valid.'],
    // Order: username, name, text fields in order, then the two flags.
    [{ name: 'J', username: 'abc' }, USERNAME_LENGTH],
    [{ bio: 'b'.repeat(451), name: 'J' }, NAME_LENGTH],
    [
      { interests: 'i'.repeat(151), bio: 'b'.repeat(451) },
      'The bio field has to be shorter than 451 characters.',
    ],
    [
      { need_mentoring: null, skills: 's'.repeat(451) },
      'The skills field has to be shorter than 451 characters.',
    ],
    [{ available_to_mentor: null, need_mentoring: null }, 'Field need_mentoring is not valid.'],
  ])('%p → %s', (fields, message) => {
    expect(profileUpdate(fields)).toEqual({ ok: false, message });
  });

  it('sets truthy values, clears empty text fields, keeps name/username when empty', () => {
    expect(
      profileUpdate({
        username: 'new_name',
        name: ' New  Name ',
        bio: 'b'.repeat(450),
        location: '',
        skills: null,
        need_mentoring: false,
        available_to_mentor: true,
      }),
    ).toEqual({
      ok: true,
      changes: {
        username: 'new_name',
        name: ' New  Name ',
        bio: 'b'.repeat(450),
        location: null,
        skills: null,
        needMentoring: false,
        availableToMentor: true,
      },
    });
    expect(profileUpdate({ name: '', username: null })).toEqual({ ok: true, changes: {} });
  });
});
