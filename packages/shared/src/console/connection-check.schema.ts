/**
 * `POST /api/console/connection-checks` (CONSOLE_CONNECTION_CHECKS_PATH): the BFF checks, with
 * the kubeconfig, whether the cluster answers, TLS verifies, who the user is and what they may
 * do. The BFF validates the request with this schema; the web reads the reply with it.
 */
import { z } from 'zod';

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
/** What the web sends (the BFF trims `api_server` and `confirm_credentials_for`). */
export type ConnectionCheckRequest = z.input<typeof ConnectionCheckRequestSchema>;

export const CHECK_IDS = ['reachable', 'tls', 'version', 'identity', 'permissions'] as const;
export const CheckIdSchema = z.enum(CHECK_IDS);
export type CheckId = z.infer<typeof CheckIdSchema>;

export const CHECK_STATUSES = ['ok', 'warning', 'failed', 'skipped'] as const;
export const CheckStatusSchema = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/**
 * What a result or note says as a stable code (a key of CHECK_TEXTS_EN, check-texts-en.ts) and
 * its params, for a reader to put in its own words; `message` says it in English. An older
 * answer without them reads as code `''`: the reader shows the message.
 */
export const CheckCodeSchema = z.string().catch('');
export const CheckParamsSchema = z.record(z.string(), z.union([z.string(), z.number()])).catch({});

/** A time in whole milliseconds; a reader takes anything else as 0. */
const Milliseconds = z.number().int().nonnegative().catch(0);

/**
 * One check's outcome. Read forward-compatibly: a check id this console does not know is shown
 * by its id, and a status it does not know reads as `skipped`, never as a pass.
 */
export const CheckResultSchema = z.object({
  id: z.string(),
  status: CheckStatusSchema.catch('skipped'),
  /** One sentence a user can act on, in English (for API users and logs). */
  message: z.string(),
  code: CheckCodeSchema,
  params: CheckParamsSchema,
  /** More for the curious: the certificate, the server's own words, what was asked. */
  detail: z.string().optional(),
  duration_ms: Milliseconds,
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** The API server field is not the kubeconfig's own server (the BFF's credential-destination.ts). */
export const ServerMismatchSchema = z.object({
  /** The kubeconfig's own server as `host:port`; null when it names none. */
  kubeconfig_server: z.string().nullable(),
  /** The field's `host:port`: what `confirm_credentials_for` must say to send the credentials. */
  api_server: z.string().min(1),
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
  /** The notes as codes and params, one for each note, in the same order. */
  note_texts: z.array(z.object({ code: CheckCodeSchema, params: CheckParamsSchema })).catch([]),
  /** Null when the field is the kubeconfig's own server (credentials sent as usual). */
  server_mismatch: ServerMismatchSchema.nullable().catch(null),
  duration_ms: Milliseconds,
});
export type ConnectionCheckResponse = z.infer<typeof ConnectionCheckResponseSchema>;
