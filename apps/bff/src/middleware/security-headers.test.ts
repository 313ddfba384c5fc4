import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnFreePort, type ListeningServer } from '../../tests/support/listening-server';
import { securityHeaderSetter } from './security-headers';

describe('securityHeaderSetter', () => {
  let listening: ListeningServer | undefined;

  afterEach(async () => {
    await listening?.close();
    listening = undefined;
  });

  it("when a response gets the headers, then it carries helmet's set, named in lower case as Node keeps them", async () => {
    const set = securityHeaderSetter({
      publicUrl: 'https://console.example',
      gitlabUrl: 'https://gitlab.example',
    });
    listening = await listenOnFreePort();
    listening.server.on('request', (_req, res: http.ServerResponse) => {
      set(res);
      res.end('ok');
    });
    const { url } = listening;

    const rawNames = await new Promise<string[]>((resolve, reject) => {
      http
        .get(`${url}/`, (res) => {
          res.resume();
          resolve(res.rawHeaders.filter((_, index) => index % 2 === 0));
        })
        .on('error', reject);
    });
    const ours = rawNames.filter(
      (name) => !['Date', 'Connection', 'Keep-Alive', 'Content-Length'].includes(name),
    );
    expect(ours).toEqual(
      expect.arrayContaining([
        'content-security-policy',
        'strict-transport-security',
        'referrer-policy',
        'x-content-type-options',
        'x-frame-options',
      ]),
    );
    for (const name of ours) expect(name).toBe(name.toLowerCase());
  });
});
