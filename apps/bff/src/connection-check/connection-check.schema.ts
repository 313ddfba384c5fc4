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
  /**
   * The user's confirmation that the API server field, though not the kubeconfig's own server,
   * may receive its credentials for this one check: exactly the field's `host:port` (as
   * `server_mismatch.api_server` shows it), so that it confirms that address and no other.
   */
  confirm_credentials_for: z
    .string({ error: 'confirm_credentials_for is the API server host:port, e.g. 10.0.0.5:6443' })
    .trim()
    .min(1)
    .max(300)
    .optional(),
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

/** The API server field is not the kubeconfig's own server (credential-destination.ts). */
export const ServerMismatchSchema = z.object({
  /** The kubeconfig's own server as `host:port`; null when it names none. */
  kubeconfig_server: z.string().nullable(),
  /** The field's `host:port`: what `confirm_credentials_for` must say to send the credentials. */
  api_server: z.string(),
  /** True: the user confirmed it and the credentials were sent; false: none were sent. */
  confirmed: z.boolean(),
});
export type ServerMismatch = z.infer<typeof ServerMismatchSchema>;

export const ConnectionCheckResponseSchema = z.object({
  api_server: z.string(),
  /** The one address the name resolved to and every check connected to; null if none. */
  address: z.string().nullable(),
  checks: z.array(CheckResultSchema),
  /** What in the kubeconfig was deliberately not used (exec plugins, file paths, proxies). */
  notes: z.array(z.string()),
  /** Null when the field is the kubeconfig's own server (credentials sent as usual). */
  server_mismatch: ServerMismatchSchema.nullable(),
  duration_ms: z.number().int().nonnegative(),
});
export type ConnectionCheckResponse = z.infer<typeof ConnectionCheckResponseSchema>;
