import { dateFromEpochSeconds, pythonIsoFormat, toEpochSeconds, wholeSeconds } from './epoch';

describe('epoch helpers', () => {
  it('converts dates to epoch seconds and back, truncated to whole seconds for storage', () => {
    expect(toEpochSeconds(new Date(1500))).toBe(1.5);
    expect(toEpochSeconds(null)).toBeNull();
    expect(wholeSeconds(new Date(1999)).getTime()).toBe(1000);
    expect(dateFromEpochSeconds(1690000000.9).getTime()).toBe(1690000000000);
  });

  it('formats like Python isoformat of a naive UTC datetime', () => {
    expect(pythonIsoFormat(new Date('2021-02-03T10:11:12Z'))).toBe('2021-02-03T10:11:12');
    expect(pythonIsoFormat(new Date('2021-02-03T10:11:12.123Z'))).toBe('2021-02-03T10:11:12.123000');
    expect(pythonIsoFormat(null)).toBeNull();
  });
});
