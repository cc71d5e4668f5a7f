import { pythonRepr } from './python-repr';

describe('pythonRepr', () => {
  it.each([
    [null, 'None'],
    [undefined, 'None'],
    [true, 'True'],
    [false, 'False'],
    [5, '5'],
    [2.5, '2.5'],
    ['text', "'text'"],
    ["it's", '"it\'s"'],
    ['a\nb', "'a\\nb'"],
    [[1, 'a'], "[1, 'a']"],
    [{ k: null }, "{'k': None}"],
  ])('%p → %s', (value, repr) => {
    expect(pythonRepr(value)).toBe(repr);
  });
});
