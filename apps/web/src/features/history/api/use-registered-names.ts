import { useMemo } from 'react';
import { useClusters } from '../../clusters';

/**
 * The names registered now, from the (usually cached) cluster list: a name deleted once may
 * have been registered again since, and "Recently deleted" must not present it as gone.
 * Empty while the list loads or when it fails: the history pages work without it.
 */
export function useRegisteredNames(): ReadonlySet<string> {
  const clusters = useClusters();
  return useMemo(
    () => new Set((clusters.data ?? []).map((cluster) => cluster.name)),
    [clusters.data],
  );
}
