/**
 * The page's first script: its own small chunk, placed before the app's code in index.html
 * (vite.config.ts), so that the first page's GETs start while the app's code downloads and
 * starts, not after. main.tsx imports it as well: where it is not a script of its own (the dev
 * server), the requests still start before anything else runs. The API client takes the
 * answers (lib/early-requests.ts); on the list, the live status takes its stream, opened once
 * the list has answered (features/cluster-status/lib/early-status-stream.ts).
 */
import {
  CLUSTERS_API_PATH,
  CONSOLE_CLUSTER_STATUS_STREAM_EVENTS,
  CONSOLE_CLUSTER_STATUS_STREAM_PATH,
} from '@cluster-console/shared';
import { firstPageRequests, isClusterListPage } from './app/first-page-requests';
import { openEarlyStatusStream } from './features/cluster-status/lib/early-status-stream';
import { currentConsolePath, withBase } from './lib/base-path';
import { peekEarlyResponse, startEarlyRequest } from './lib/early-requests';

const page = currentConsolePath();
for (const path of firstPageRequests(page)) startEarlyRequest(path);
const listAnswer = isClusterListPage(page) ? peekEarlyResponse(CLUSTERS_API_PATH) : undefined;
if (listAnswer) {
  openEarlyStatusStream(
    listAnswer,
    withBase(CONSOLE_CLUSTER_STATUS_STREAM_PATH),
    CONSOLE_CLUSTER_STATUS_STREAM_EVENTS,
  );
}
