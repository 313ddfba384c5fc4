import type { Logger } from 'pino';
import { RepoError } from '../tenant-repo/repo-error';

export interface RetryOptions {
  /** Attempts after the first one. */
  maxRetries: number;
  logger: Logger;
  /** Fetches the remote's new main before the next attempt. */
  refresh(): Promise<void>;
}

/**
 * Runs `attempt` until it is not refused for a moved branch: between attempts the remote's
 * main is fetched; after `maxRetries` refusals it is a conflict.
 */
export async function retryOnMovedBranch(
  options: RetryOptions,
  attempt: () => Promise<'done' | 'moved'>,
): Promise<void> {
  for (let retries = 0; ; retries += 1) {
    if ((await attempt()) === 'done') return;
    if (retries >= options.maxRetries) {
      throw new RepoError(
        'conflict',
        'The tenant repository kept changing while saving; the change could not be merged. Try again.',
      );
    }
    options.logger.info(
      { attempt: retries + 1 },
      'push rejected (the remote moved); fetching and retrying on the new head',
    );
    // Straight back in: the other writer has just pushed and is starting its next change, so
    // waiting longer only makes losing the next race likelier.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
    await options.refresh();
  }
}
