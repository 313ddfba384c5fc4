/** A cluster's page (its name encoded: names are checked, links from data need not be). */
export const clusterPath = (name: string) => `/clusters/${encodeURIComponent(name)}`;
