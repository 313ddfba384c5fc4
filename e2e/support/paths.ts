import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(e2eRoot, '..');
export const outputRoot = path.join(repoRoot, '.test-output');
/**
 * `npm test` runs the journeys in three parts side by side (e2e/journey-parts.ts), each with its
 * own stack: each part keeps its stack's addresses, sessions and screenshots in its own folder.
 */
export const e2ePart = process.env.E2E_PART;
const runRoot = e2ePart ? path.join(outputRoot, `e2e-part-${e2ePart}`) : outputRoot;
/** One PNG per page visited: the artifacts a reviewer looks at. */
export const screenshotDir = path.join(runRoot, 'e2e-screenshots');
/** Where global setup leaves the running stack's addresses for the tests. */
export const stackInfoFile = path.join(runRoot, 'e2e-stack.json');
export const authDir = path.join(runRoot, 'e2e-auth');
/**
 * The user guide's requests and kubeconfig. packages/shared keeps copies of
 * ../shared/fixtures/seed-requests because a clean clone (CI) has nothing beside the repository.
 */
export const seedDir = path.join(
  repoRoot,
  'packages',
  'shared',
  'tests',
  'fixtures',
  'seed-requests',
);
