import { describe, expect, it } from 'vitest';
import { HistoryPageQuerySchema } from './history.schema';

describe('HistoryPageQuerySchema', () => {
  it('when nothing is asked, then it is the first page of 20', () => {
    expect(HistoryPageQuerySchema.parse({})).toEqual({ page: 1, per_page: 20 });
  });

  it('when a page and size are given as query text, then they are numbers', () => {
    expect(HistoryPageQuerySchema.parse({ page: '3', per_page: '100', other: 'x' })).toEqual({
      page: 3,
      per_page: 100,
    });
  });

  it.each([
    [{ page: '0' }, 'page', 'A whole number from 1.'],
    [{ page: '1.5' }, 'page', 'A whole number from 1.'],
    [{ page: ['1', '2'] }, 'page', 'A whole number from 1.'],
    [{ page: '1234567' }, 'page', 'A whole number from 1.'],
    [{ per_page: '101' }, 'per_page', 'A whole number from 1 to 100.'],
    [{ per_page: '' }, 'per_page', 'A whole number from 1 to 100.'],
  ])('when the query is %j, then %s is refused: %s', (query, field, message) => {
    const parsed = HistoryPageQuerySchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((issue) => issue.path[0] === field)?.message).toBe(message);
  });
});
