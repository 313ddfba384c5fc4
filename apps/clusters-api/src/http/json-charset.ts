import type { RequestHandler } from 'express';
import { validationFailed } from './api-error';

/**
 * JSON travels as UTF-8 (RFC 8259 §8.1). The JSON body parser accepts any `charset=utf-*` and
 * decodes it: with `utf-7`, every `+…-` run in a kubeconfig's base64 (certificate data, tokens)
 * is silently turned into other characters, and a mangled kubeconfig gets stored. So a body
 * that declares another charset is refused before anything reads it.
 */
export const utf8JsonOnly: RequestHandler = (req, _res, next) => {
  const type = req.headers['content-type'];
  const charset =
    type === undefined ? undefined : /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
  if (charset === undefined || /^utf-?8$/i.test(charset)) {
    next();
    return;
  }
  const message = `Send the JSON body as UTF-8 (Content-Type: application/json; charset=utf-8), not ${charset.slice(0, 20)}.`;
  next(validationFailed({ body: message }, message));
};
