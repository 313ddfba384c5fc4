export class ApiServerUrlError extends Error {
  override name = 'ApiServerUrlError';
}

/** Parses the API server URL: https (or http when allowed), a host, no credentials, no path games. */
export function parseApiServer(text: string, allowHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApiServerUrlError(`"${text}" is not a URL; write it as https://host:port.`);
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw new ApiServerUrlError(
      url.protocol === 'http:'
        ? 'The API server URL must be https: the console checks only https API servers (CONNECTION_CHECK_ALLOW_HTTP allows http).'
        : `The API server URL must be https://, not ${url.protocol}//.`,
    );
  }
  if (url.username || url.password) {
    throw new ApiServerUrlError('The API server URL must not contain a user name or password.');
  }
  if (!url.hostname) throw new ApiServerUrlError('The API server URL has no host.');
  return url;
}
