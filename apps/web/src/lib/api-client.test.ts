import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiError, server } from '../testing/msw-server';
import { apiRequest } from './api-client';
import { ApiError } from './api-error';

async function failure(path: string, method: 'GET' | 'POST' = 'GET'): Promise<ApiError> {
  try {
    await apiRequest(path, { method });
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  it('when the answer has the contract error shape, then every part of it is kept', async () => {
    server.use(
      http.post('/api/v1/clusters/x', () =>
        apiError(400, 'VALIDATION_FAILED', 'api_server is not a URL', {
          api_server: 'Enter a URL',
        }),
      ),
    );
    const error = await failure('/api/v1/clusters/x', 'POST');
    expect(error).toMatchObject({
      status: 400,
      reason: 'VALIDATION_FAILED',
      message: 'api_server is not a URL',
      metadata: { api_server: 'Enter a URL' },
    });
  });

  it('when the real server answers 500 with an empty reason, then its message is still shown', async () => {
    server.use(
      http.get('/api/v1/clusters', () => apiError(500, '', 'cluster cluster-x not found')),
    );
    const error = await failure('/api/v1/clusters');
    expect(error.status).toBe(500);
    expect(error.message).toBe('cluster cluster-x not found');
  });

  it('when the real server answers a known text with an empty reason, then it is put into words on its field', async () => {
    server.use(
      http.post('/api/v1/clusters/x', () =>
        apiError(500, '', 'failed to get host cluster, err: cluster h is not found'),
      ),
    );
    const error = await failure('/api/v1/clusters/x', 'POST');
    expect(error.status).toBe(500);
    expect(error.reason).toBe('');
    expect(error.message).toMatch(/^There is no host cluster named h\./);
    expect(error.message).toContain('failed to get host cluster, err: cluster h is not found');
    expect(error.metadata.host_cluster).toMatch(/^There is no host cluster named h\./);
  });

  it('when a known text comes with a reason, then it is left as the server sent it', async () => {
    server.use(
      http.post('/api/v1/clusters/x', () =>
        apiError(
          404,
          'RESOURCE_NOT_FOUND',
          'failed to get host cluster, err: cluster h is not found',
        ),
      ),
    );
    const error = await failure('/api/v1/clusters/x', 'POST');
    expect(error.message).toBe('failed to get host cluster, err: cluster h is not found');
    expect(error.metadata).toEqual({});
  });

  it('when a proxy answers with HTML, then the message names the status instead of a bare "failed"', async () => {
    server.use(
      http.get(
        '/api/v1/clusters',
        () =>
          new HttpResponse('<html><body>Bad gateway</body></html>', {
            status: 502,
            statusText: 'Bad Gateway',
          }),
      ),
    );
    const error = await failure('/api/v1/clusters');
    expect(error.status).toBe(502);
    expect(error.message).toBe('The server answered 502 Bad Gateway.');
  });

  it('when the error body is short plain text, then it is part of the message', async () => {
    server.use(
      http.get('/api/v1/clusters', () => new HttpResponse('upstream timed out', { status: 504 })),
    );
    const error = await failure('/api/v1/clusters');
    expect(error.message).toContain('504');
    expect(error.message).toContain('upstream timed out');
  });

  it('when the network fails, then the error says the server could not be reached', async () => {
    server.use(http.get('/api/v1/clusters', () => HttpResponse.error()));
    const error = await failure('/api/v1/clusters');
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/could not reach its server/);
  });

  it('when writing, then the CSRF header and same-origin credentials are sent; reads carry no CSRF header', async () => {
    const seen: Record<string, string | null> = {};
    server.use(
      http.get('/api/v1/clusters', ({ request }) => {
        seen.get = request.headers.get('X-Requested-With');
        return HttpResponse.json({ items: [] });
      }),
      http.post('/auth/logout', ({ request }) => {
        seen.post = request.headers.get('X-Requested-With');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await apiRequest('/api/v1/clusters');
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    expect(seen).toEqual({ get: null, post: 'cluster-console' });
  });
});
