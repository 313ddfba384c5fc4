import { http, HttpResponse, type JsonBodyType } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '../testing/msw-server';
import { apiRequest } from './api-client';
import { EARLY_ANSWER_MAX_AGE_MS, startEarlyRequest, takeEarlyResponse } from './early-requests';

/** Serves GET `path`, counting the requests and the Accept headers they carried. */
function countRequests(path: string, body: JsonBodyType = { ok: true }) {
  const accepts: (string | null)[] = [];
  server.use(
    http.get(path, ({ request }) => {
      accepts.push(request.headers.get('accept'));
      return HttpResponse.json(body);
    }),
  );
  return accepts;
}

afterEach(() => vi.useRealTimers());

describe('early requests', () => {
  it('when a GET was started early, then the API client uses its answer instead of asking again', async () => {
    const accepts = countRequests('/early/a', { items: [1, 2] });
    startEarlyRequest('/early/a');
    expect(await apiRequest('/early/a')).toEqual({ items: [1, 2] });
    expect(accepts).toEqual(['application/json']);
  });

  it('when the early answer has been taken, then the next call asks the server again', async () => {
    const accepts = countRequests('/early/b');
    startEarlyRequest('/early/b');
    await apiRequest('/early/b');
    await apiRequest('/early/b');
    expect(accepts).toHaveLength(2);
    expect(takeEarlyResponse('/early/b')).toBeUndefined();
  });

  it('when the same path is started twice before it is taken, then it is requested once', async () => {
    const accepts = countRequests('/early/c');
    startEarlyRequest('/early/c');
    startEarlyRequest('/early/c');
    await apiRequest('/early/c');
    expect(accepts).toHaveLength(1);
  });

  it('when the early answer is older than its limit, then it is dropped and the client asks again', async () => {
    const accepts = countRequests('/early/d');
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now);
    startEarlyRequest('/early/d');
    vi.spyOn(Date, 'now').mockReturnValue(now + EARLY_ANSWER_MAX_AGE_MS + 1);
    expect(takeEarlyResponse('/early/d')).toBeUndefined();
    vi.restoreAllMocks();
    await apiRequest('/early/d');
    await vi.waitFor(() => expect(accepts).toHaveLength(2));
  });

  it('when the early answer is an error, then the API client reports it as its own', async () => {
    server.use(
      http.get('/early/e', () =>
        HttpResponse.json(
          { code: 401, reason: 'UNAUTHENTICATED', message: 'Sign in first.' },
          { status: 401 },
        ),
      ),
    );
    startEarlyRequest('/early/e');
    await expect(apiRequest('/early/e')).rejects.toMatchObject({
      status: 401,
      reason: 'UNAUTHENTICATED',
      message: 'Sign in first.',
    });
  });

  it('when a write goes to a path fetched early, then the write is sent and the early answer kept', async () => {
    const accepts = countRequests('/early/f', { read: true });
    let posts = 0;
    server.use(
      http.post('/early/f', () => {
        posts += 1;
        return HttpResponse.json({ written: true });
      }),
    );
    startEarlyRequest('/early/f');
    expect(await apiRequest('/early/f', { method: 'POST', body: {} })).toEqual({ written: true });
    expect(posts).toBe(1);
    expect(await apiRequest('/early/f')).toEqual({ read: true });
    expect(accepts).toHaveLength(1);
  });
});
