import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { FakeEventSource, installFakeEventSource } from '../../../testing/fake-event-source';
import { StatusStream } from './status-stream';

installFakeEventSource();

const navigation = { toSignInPage: () => undefined, toLogin: () => undefined };

describe('the tab’s status stream', () => {
  it('when it is stopped while its code still loads, then it never opens', async () => {
    const stopped = new StatusStream(createQueryClient(navigation));
    stopped.start();
    stopped.stop();
    // A stream started after it has loaded the same code, so the first had time to open.
    const later = new StatusStream(createQueryClient(navigation));
    later.start();
    await expect.poll(() => FakeEventSource.opened.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(FakeEventSource.opened).toHaveLength(1);
    later.stop();
    expect(FakeEventSource.latest().closed).toBe(true);
  });
});
