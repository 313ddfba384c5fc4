import { useState } from 'react';
import type { NautesApiVersion } from '@cluster-console/shared';
import { useNautesApi } from '../../api/get-nautes-api';

export interface WizardGeneration {
  /** The generation the body is built for: the server's, else the user's choice; undefined while neither. */
  generation: NautesApiVersion | undefined;
  /** loading: still asking (typing is never blocked); known: the BFF said; unknown: the user must choose. */
  status: 'loading' | 'known' | 'unknown';
  /** Why the generation is unknown, in the BFF's words (or the failed request's message). */
  message: string;
  chosen: NautesApiVersion | undefined;
  choose: (version: NautesApiVersion) => void;
}

/**
 * Which Nautes API generation the wizard writes for. The BFF's answer wins; when it cannot
 * tell (it says "unknown", or the route fails, e.g. 404 before it exists), the user chooses.
 */
export function useWizardGeneration(): WizardGeneration {
  const query = useNautesApi();
  const [chosen, setChosen] = useState<NautesApiVersion>();
  if (query.isPending) {
    return { generation: undefined, status: 'loading', message: '', chosen, choose: setChosen };
  }
  const known = query.data?.version;
  if (known !== undefined && known !== 'unknown') {
    return { generation: known, status: 'known', message: '', chosen, choose: setChosen };
  }
  const message = query.error ? query.error.message : (query.data?.message ?? '');
  return { generation: chosen, status: 'unknown', message, chosen, choose: setChosen };
}
