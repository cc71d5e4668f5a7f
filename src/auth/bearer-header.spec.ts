import { parseBearerHeader } from './bearer-header';

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
});
