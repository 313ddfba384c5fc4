import type { Request, Response } from 'express';

export interface Page {
  page: number;
  perPage: number;
}

function positiveInt(value: unknown, fallback: number): number {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) && number > 0 ? number : fallback;
}

/** GitLab's offset pagination: `page` from 1, `per_page` 20 by default and at most 100. */
export function readPage(req: Request): Page {
  return {
    page: positiveInt(req.query.page, 1),
    perPage: Math.min(100, positiveInt(req.query.per_page, 20)),
  };
}

/**
 * One page of `items`, with GitLab's headers: `x-page`, `x-per-page`, `x-next-page`,
 * `x-prev-page` (empty when there is none), `x-total`, `x-total-pages` and `Link`
 * (`prev`, `next`, `first`, `last`), each link the request's own URL with `page` changed.
 */
export function paginate<T>(req: Request, res: Response, baseUrl: string, items: T[]): T[] {
  const { page, perPage } = readPage(req);
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const next = page < totalPages ? page + 1 : undefined;
  const prev = page > 1 ? Math.min(page - 1, totalPages) : undefined;
  const link = (target: number) => {
    const url = new URL(req.originalUrl, baseUrl);
    url.searchParams.set('page', String(target));
    url.searchParams.set('per_page', String(perPage));
    return `<${url.href}>`;
  };
  const links = [
    prev !== undefined && `${link(prev)}; rel="prev"`,
    next !== undefined && `${link(next)}; rel="next"`,
    `${link(1)}; rel="first"`,
    `${link(totalPages)}; rel="last"`,
  ].filter(Boolean);
  res.set({
    'x-page': String(page),
    'x-per-page': String(perPage),
    'x-next-page': next === undefined ? '' : String(next),
    'x-prev-page': prev === undefined ? '' : String(prev),
    'x-total': String(total),
    'x-total-pages': String(totalPages),
    Link: links.join(', '),
  });
  return items.slice((page - 1) * perPage, page * perPage);
}
