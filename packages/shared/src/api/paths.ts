/** Base path of the clusters API, the same on the real Nautes API Server, our clusters API and the BFF. */
export const CLUSTERS_API_PATH = '/api/v1/clusters';

/** Path of one cluster; the name is encoded so that an odd name can never escape its segment. */
export function clusterApiPath(name: string): string {
  return `${CLUSTERS_API_PATH}/${encodeURIComponent(name)}`;
}
