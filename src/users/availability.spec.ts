import { isAvailable } from './availability';

describe('isAvailable (API.md §3.1)', () => {
  it.each([
    [true, false, false, true],
    [false, true, false, true],
    [false, false, false, false],
    [true, true, true, false],
  ])(
    'need_mentoring=%p available_to_mentor=%p accepted=%p → %p',
    (needMentoring, availableToMentor, accepted, expected) => {
      expect(isAvailable({ needMentoring, availableToMentor }, accepted)).toBe(expected);
    },
  );
});
