import path from 'node:path';
import { authDir } from './paths';

export type UserName = 'maintainer' | 'developer';

/** A signed-in browser state saved by the journey that signed in, reused by later journeys. */
export function authFile(user: UserName): string {
  return path.join(authDir, `${user}.json`);
}
