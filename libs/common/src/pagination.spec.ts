import { parsePage } from './pagination';

describe('parsePage (API.md §3.1)', () => {
  it.each([
    [undefined, undefined, 0, 10],
    ['2', '5', 5, 5],
    ['x', 'y', 0, 10],
    ['0', '10', 0, 10],
    ['-3', '10', 0, 10],
    ['1', '51', 0, 50],
    ['1', '0', 0, 0],
    ['1', '-1', 0, 20],
    ['3', '-1', 40, 20],
    ['1.5', '2.5', 0, 10],
    [' 2 ', '10', 10, 10],
  ])('page=%p per_page=%p → offset %p limit %p', (page, perPage, offset, limit) => {
    expect(parsePage(page, perPage)).toEqual({ offset, limit });
  });

  it('keeps huge pages a safe integer offset', () => {
    expect(Number.isSafeInteger(parsePage('99999999999999', '50').offset)).toBe(true);
  });
});
