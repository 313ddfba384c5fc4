import { said, type Said } from './check-words';

/** The API server field cannot be checked; `words` says why (a `request_fields` key). */
export class ApiServerUrlError extends Error {
  override name = 'ApiServerUrlError';

  constructor(readonly words: Said) {
    super(words.message);
  }
}

/** Parses the API server URL: https (or http when allowed), a host, no credentials, no path games. */
export function parseApiServer(text: string, allowHttp: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ApiServerUrlError(said('request_fields.api_server_not_url', { value: text }));
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw new ApiServerUrlError(
      url.protocol === 'http:'
        ? said('request_fields.api_server_http')
        : said('request_fields.api_server_scheme', { protocol: url.protocol }),
    );
  }
  if (url.username || url.password) {
    throw new ApiServerUrlError(said('request_fields.api_server_credentials'));
  }
  if (!url.hostname) throw new ApiServerUrlError(said('request_fields.api_server_no_host'));
  return url;
}
