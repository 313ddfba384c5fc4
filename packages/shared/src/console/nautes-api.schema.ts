/**
 * `GET /api/console/nautes-api` (CONSOLE_NAUTES_API_PATH): the Nautes API generation the
 * clusters API speaks and how the BFF knows. `unknown` is an answer too: the console shows it
 * and asks the user, it never assumes a generation (a v0.3 body sent to v0.4 loses settings
 * silently). Read forward-compatibly: what a reader does not know reads as unknown.
 */
import { z } from 'zod';
import { NAUTES_API_VERSIONS } from '../clusters/api-version';

export const NautesApiInfoSchema = z
  .object({
    version: z.enum([...NAUTES_API_VERSIONS, 'unknown']).catch('unknown'),
    /** configured: NAUTES_API_VERSION; server: the server said so; clusters: read off its list reply. */
    source: z.enum(['configured', 'server', 'clusters', 'none']).catch('none'),
    /** Why, in words, for the user and the operator. */
    message: z.string().catch(''),
  })
  .catch({ version: 'unknown', source: 'none', message: '' });
export type NautesApiInfo = z.infer<typeof NautesApiInfoSchema>;
