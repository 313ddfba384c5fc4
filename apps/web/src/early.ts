/**
 * The page's first script: its own small chunk, placed before the app's code in index.html
 * (vite.config.ts), so that the first page's GETs start while the app's code downloads and
 * starts, not after. main.tsx imports it as well: where it is not a script of its own (the dev
 * server), the requests still start before anything else runs. The API client takes the
 * answers (lib/early-requests.ts).
 */
import { firstPageRequests } from './app/first-page-requests';
import { currentConsolePath } from './lib/base-path';
import { startEarlyRequest } from './lib/early-requests';

for (const path of firstPageRequests(currentConsolePath())) startEarlyRequest(path);
