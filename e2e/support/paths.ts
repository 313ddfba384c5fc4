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
export const seedDir = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'seed-requests');
