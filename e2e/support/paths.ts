import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(e2eRoot, '..');
export const outputRoot = path.join(repoRoot, '.test-output');
/** One PNG per page visited: the artifacts a reviewer looks at. */
export const screenshotDir = path.join(outputRoot, 'e2e-screenshots');
/** Where global setup leaves the running stack's addresses for the tests. */
export const stackInfoFile = path.join(outputRoot, 'e2e-stack.json');
export const authDir = path.join(outputRoot, 'e2e-auth');
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
