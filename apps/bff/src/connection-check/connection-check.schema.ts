import { z } from 'zod';

export const CONNECTION_CHECK_ROUTE = '/api/console/connection-checks';

/** The kubeconfig is small; the body as a whole is capped by the JSON parser (1 MiB). */
export const ConnectionCheckRequestSchema = z.object({
  api_server: z
    .string({ error: 'api_server is the API server URL, e.g. https://10.0.0.5:6443' })
    .trim()
    .min(1, 'api_server is the API server URL, e.g. https://10.0.0.5:6443'),
  kubeconfig: z
    .string({ error: 'kubeconfig is the reduced kubeconfig YAML, as text' })
    .min(1, 'kubeconfig is the reduced kubeconfig YAML, as text'),
});
export type ConnectionCheckRequest = z.infer<typeof ConnectionCheckRequestSchema>;

export const CheckIdSchema = z.enum(['reachable', 'tls', 'version', 'identity', 'permissions']);
export type CheckId = z.infer<typeof CheckIdSchema>;

export const CheckStatusSchema = z.enum(['ok', 'warning', 'failed', 'skipped']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

export const CheckResultSchema = z.object({
  id: CheckIdSchema,
  status: CheckStatusSchema,
  /** One sentence a user can act on. */
  message: z.string(),
  /** More for the curious: the certificate, the server's own words, what was asked. */
  detail: z.string().optional(),
  duration_ms: z.number().int().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const ConnectionCheckResponseSchema = z.object({
  api_server: z.string(),
  /** The one address the name resolved to and every check connected to; null if none. */
  address: z.string().nullable(),
  checks: z.array(CheckResultSchema),
  /** What in the kubeconfig was deliberately not used (exec plugins, file paths, proxies). */
  notes: z.array(z.string()),
  duration_ms: z.number().int().nonnegative(),
});
export type ConnectionCheckResponse = z.infer<typeof ConnectionCheckResponseSchema>;
