/**
 * Stores a draft's new objects in the working clone and pushes its last commit to the remote's
 * main with the caller's token. Over HTTP the push is one `git-receive-pack` request carrying
 * its own pack (receive-pack.client.ts), so storing runs meanwhile (the objects must be stored
 * before any ref here names them; a lost push leaves them unused). Other remotes (file://) get
 * `git push`, which needs them stored first.
 */
import type { Logger } from 'pino';
import { classifyRemoteFailure } from './git-errors';
import type { GitObject } from './git-objects';
import { GitCommandError } from './git-runner';
import { PushFailure, ReceivePackClient } from './receive-pack.client';
import { MAIN, type WorkingClone } from './working-clone';
import { pushError, remoteError } from './remote-errors';

const NO_COMMIT = '0'.repeat(40);

export interface PushOrder {
  token: string;
  /** The remote's main as we know it (undefined: no commit yet). */
  oldOid: string | undefined;
  newOid: string;
  objects: readonly GitObject[];
}

/**
 * `pushed`: main is at `newOid`; `storeError` tells why the objects could not be stored here
 * although the push landed. `moved`: main was not at `oldOid` (someone pushed first).
 */
export type PushResult =
  { outcome: 'pushed'; storeError: Error | undefined } | { outcome: 'moved' };

export class RemotePush {
  private readonly receivePack: ReceivePackClient | undefined;

  constructor(
    private readonly clone: WorkingClone,
    url: string,
    private readonly logger: Logger,
    stallTimeoutMs?: number,
  ) {
    this.receivePack = ReceivePackClient.supports(url)
      ? new ReceivePackClient(url, stallTimeoutMs)
      : undefined;
  }

  async push(order: PushOrder): Promise<PushResult> {
    const store = this.clone.objects.writeLoose(order.objects).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    if (!this.receivePack) {
      const storeError = await store;
      if (storeError !== undefined) throw storeError;
      return (await this.gitPush(order)) === 'ok'
        ? { outcome: 'pushed', storeError: undefined }
        : { outcome: 'moved' };
    }
    const [pushed, storeError] = await Promise.all([this.httpPush(order), store]);
    return pushed === 'ok' ? { outcome: 'pushed', storeError } : { outcome: 'moved' };
  }

  close(): void {
    this.receivePack?.close();
  }

  private async httpPush(order: PushOrder): Promise<'ok' | 'retry'> {
    try {
      return await (this.receivePack as ReceivePackClient).push({
        oldOid: order.oldOid ?? NO_COMMIT,
        newOid: order.newOid,
        ref: MAIN,
        objects: order.objects,
        token: order.token,
      });
    } catch (error) {
      if (error instanceof PushFailure) throw pushError(this.logger, error.kind, error);
      throw error;
    }
  }

  private async gitPush(order: PushOrder): Promise<'ok' | 'retry'> {
    try {
      await this.clone.git(['push', '--porcelain', 'origin', `${order.newOid}:${MAIN}`], {
        token: order.token,
        timeoutMs: 60_000,
      });
      return 'ok';
    } catch (error) {
      if (error instanceof GitCommandError && classifyRemoteFailure(error) === 'retry')
        return 'retry';
      throw remoteError(this.logger, error, 'push');
    }
  }
}
