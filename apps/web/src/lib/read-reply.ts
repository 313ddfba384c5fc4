import type { z } from 'zod';
import { ApiError } from './api-error';
import { i18n } from './i18n';

/**
 * A reply of the console's own routes read with its contract schema (packages/shared): one
 * that does not have the documented shape is an error a person can read (`messageKey`), not a
 * crash. Only for pages that load zod anyway: the first page's replies have zod-free readers.
 */
export function readReply<T>(
  schema: z.ZodType<T>,
  value: unknown,
  messageKey = 'errors.invalidReply',
): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError(200, 'INVALID_RESPONSE', i18n.t(messageKey));
}
