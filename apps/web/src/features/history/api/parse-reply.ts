import type { z } from 'zod';
import { ApiError } from '../../../lib/api-error';
import { i18n } from '../../../lib/i18n';

/** A reply that does not have the documented shape is an error a person can read, not a crash. */
export function parseReply<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError(200, 'INVALID_RESPONSE', i18n.t('history.invalidReply'));
}
