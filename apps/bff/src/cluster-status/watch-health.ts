import type { WatchHealth } from '@cluster-console/shared';
import type { ResourceWatchHealth } from './resource-watch';

/** What the console says when no management cluster is set. */
export const NOT_CONFIGURED_HEALTH: WatchHealth = {
  state: 'not-configured',
  since: null,
  message:
    'The console is not connected to the tenant management cluster: its administrator sets MANAGEMENT_KUBECONFIG or MANAGEMENT_CLUSTER on the console server.',
};

const STARTING_MESSAGE = 'Reading the management cluster…';

/**
 * The health of several watches (the Cluster resources, the Argo CD Application) as the one
 * WatchHealth users see: down when any is down (with its words), starting until all have
 * listed, else up. `since` moves only when the state changes, so "down since" stays the time
 * it first went down while the retries' words change.
 */
export class CombinedWatchHealth {
  private readonly parts = new Map<string, ResourceWatchHealth>();
  private current: WatchHealth;

  constructor(
    partNames: readonly string[],
    private readonly onChange: (health: WatchHealth) => void,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const name of partNames) this.parts.set(name, { state: 'starting', message: '' });
    this.current = {
      state: 'starting',
      since: this.now().toISOString(),
      message: STARTING_MESSAGE,
    };
  }

  value(): WatchHealth {
    return this.current;
  }

  set(part: string, health: ResourceWatchHealth): void {
    this.parts.set(part, health);
    const all = [...this.parts.values()];
    const down = all.filter((entry) => entry.state === 'down');
    let state: WatchHealth['state'];
    let message: string;
    if (down.length > 0) {
      state = 'down';
      message = down.map((entry) => entry.message).join(' ');
    } else if (all.some((entry) => entry.state === 'starting')) {
      state = 'starting';
      message = STARTING_MESSAGE;
    } else {
      state = 'up';
      message = 'Watching the management cluster.';
    }
    if (state === this.current.state && message === this.current.message) return;
    const since = state === this.current.state ? this.current.since : this.now().toISOString();
    this.current = { state, since, message };
    this.onChange(this.current);
  }
}
