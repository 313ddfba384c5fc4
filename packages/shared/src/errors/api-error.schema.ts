import { z } from 'zod';

/**
 * The one error body every non-2xx answer carries (the Kratos shape Nautes uses).
 * `code` equals the HTTP status; `metadata` maps strings to strings.
 */
export const ApiErrorBodySchema = z.object({
  code: z.number().int(),
  reason: z.string(),
  message: z.string(),
  metadata: z.record(z.string(), z.string()),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** Reasons our services use. The real server also sends `VALIDATOR`, `CODEC`, `PROJECT_NOT_FOUND` and `""`. */
export const ErrorReason = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  NO_AUTHORIZATION: 'NO_AUTHORIZATION',
  RESOURCE_NOT_FOUND: 'RESOURCE_NOT_FOUND',
  RESOURCE_IN_USE: 'RESOURCE_IN_USE',
  CONFLICT: 'CONFLICT',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
  NOT_FOUND: 'NOT_FOUND',
  CSRF_REJECTED: 'CSRF_REJECTED',
  RATE_LIMITED: 'RATE_LIMITED',
} as const;
export type ErrorReasonCode = (typeof ErrorReason)[keyof typeof ErrorReason];

/** Builds an error body; metadata defaults to `{}` so the shape is always complete. */
export function apiErrorBody(
  code: number,
  reason: string,
  message: string,
  metadata: Record<string, string> = {},
): ApiErrorBody {
  return { code, reason, message, metadata: { ...metadata } };
}
