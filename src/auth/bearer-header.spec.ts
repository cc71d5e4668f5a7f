import { authorizationLines, parseBearerHeader } from './bearer-header';

describe('parseBearerHeader (API.md §10.2)', () => {
  it.each([undefined, '', '   '])('%p is missing', (header) => {
    expect(parseBearerHeader(header)).toEqual({ kind: 'missing' });
  });

  it.each(['Token abc', 'bearer abc', 'Bearer', 'Bearer a b', 'Basic x, Token y'])(
    '%p is invalid',
    (header) => {
      expect(parseBearerHeader(header)).toEqual({ kind: 'invalid' });
    },
  );

  it.each([
    ['Bearer abc', 'abc'],
    ['Bearer   abc  ', 'abc'],
    ['Basic x, Bearer abc', 'abc'],
    ['Bearer abc, Bearer def', 'abc'],
  ])('%p carries a token', (header, token) => {
    expect(parseBearerHeader(header)).toEqual({ kind: 'token', token });
  });

  it('refuses several header lines, even identical ones', () => {
    expect(parseBearerHeader(['Bearer abc', 'Bearer def'])).toEqual({ kind: 'invalid' });
    expect(parseBearerHeader(['Bearer abc', 'Bearer abc'])).toEqual({ kind: 'invalid' });
    expect(parseBearerHeader(['Bearer abc'])).toEqual({ kind: 'token', token: 'abc' });
  });

  it('collects Authorization lines from raw headers, case-insensitively', () => {
    expect(authorizationLines(['Host', 'x', 'Authorization', 'a', 'authorization', 'b'])).toEqual(['a', 'b']);
    expect(authorizationLines(['Host', 'x'])).toEqual([]);
  });
});
