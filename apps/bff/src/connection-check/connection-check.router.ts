import {
  checkTextMetadata,
  CONSOLE_CONNECTION_CHECKS_PATH,
  ConnectionCheckRequestSchema,
  ErrorReason,
} from '@cluster-console/shared';
import express, { Router, type RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { sendError } from '../middleware/errors';
import { limiterBase } from '../middleware/rate-limits';
import type { Resolver } from './address-policy';
import { dnsLookup } from './dns-lookup';
import { HostsFile } from './hosts-file';
import { ProtectedEndpoints } from './protected-endpoints';
import type { IpNetwork } from './ip-networks';
import {
  ApiServerUrlError,
  parseApiServer,
  runConnectionCheck,
  type ConnectionCheckSettings,
} from './connection-check';
import { said } from './check-words';
import { hostPort } from './credential-destination';

/** Each request field's problem, in the check's words (the schema's own messages, in English). */
const FIELD_PROBLEMS: Record<string, string> = {
  api_server: 'request_fields.api_server_required',
  kubeconfig: 'request_fields.kubeconfig_required',
  confirm_credentials_for: 'request_fields.confirm_invalid',
};

export interface ConnectionCheckOptions {
  allowedNetworks: IpNetwork[] | undefined;
  allowHttp: boolean;
  timeoutSeconds: number;
  /** Per user; counted in `store` when given (shared by the replicas), else in memory. */
  rateLimit: { windowSeconds: number; limit: number; store?: Store | undefined };
  /** URLs of the BFF itself and of its dependencies: never checked (by address and port). */
  protectedUrls: string[];
  /** `CONNECTION_CHECK_DNS_SERVERS`; undefined: the system's name servers. */
  dnsServers: string[] | undefined;
}

const STEP_TIMEOUT_MS = 5000;
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * `POST /api/console/connection-checks`: answered by the BFF itself. Signed-in only (CSRF is
 * global), rate-limited per user, body read only after both; the check's target is judged by
 * the address policy before any socket opens. Logged: user, host, address, statuses — never
 * the kubeconfig or a credential.
 */
export function connectionCheckRouter(deps: {
  session: RequestHandler;
  requireSignedIn: RequestHandler;
  options: ConnectionCheckOptions;
  logger: Logger;
  resolver?: Resolver;
}): Router {
  const { options, logger } = deps;
  const hosts = new HostsFile();
  const resolver = deps.resolver ?? dnsLookup({ servers: options.dnsServers, hosts });
  const stepTimeoutMs = Math.min(STEP_TIMEOUT_MS, options.timeoutSeconds * 1000);
  const endpoints = new ProtectedEndpoints(options.protectedUrls, resolver, hosts, stepTimeoutMs);
  const { windowSeconds, limit, store } = options.rateLimit;
  const perUser = rateLimit({
    ...limiterBase(windowSeconds, limit, store),
    keyGenerator: (_req, res) => `user:${String(res.locals.username)}`,
    handler: (_req, res) => {
      sendError(
        res,
        429,
        ErrorReason.RATE_LIMITED,
        `Too many connection checks. Wait ${options.rateLimit.windowSeconds} seconds and try again.`,
        { retry_after_seconds: String(options.rateLimit.windowSeconds) },
      );
    },
  });
  const router = Router();
  router.post(
    CONSOLE_CONNECTION_CHECKS_PATH,
    deps.session,
    deps.requireSignedIn,
    perUser,
    express.json({ limit: '1mb' }),
    async (req, res) => {
      const parsed = ConnectionCheckRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'body');
          if (fields[field] !== undefined) continue;
          const code = FIELD_PROBLEMS[field];
          const text = { code: code ?? '', params: {}, message: issue.message };
          Object.assign(fields, code ? checkTextMetadata(field, text) : { [field]: issue.message });
        }
        sendError(
          res,
          400,
          ErrorReason.VALIDATION_FAILED,
          'The connection check needs api_server and kubeconfig.',
          fields,
        );
        return;
      }
      let url: URL;
      try {
        url = parseApiServer(parsed.data.api_server, options.allowHttp);
      } catch (error) {
        if (!(error instanceof ApiServerUrlError)) throw error;
        const metadata = checkTextMetadata('api_server', error.words);
        sendError(res, 400, ErrorReason.VALIDATION_FAILED, error.message, metadata);
        return;
      }
      const confirmed = parsed.data.confirm_credentials_for;
      if (confirmed !== undefined && confirmed !== hostPort(url)) {
        const words = said('request_fields.confirm_other_address', { address: hostPort(url) });
        const metadata = checkTextMetadata('confirm_credentials_for', words);
        sendError(res, 400, ErrorReason.VALIDATION_FAILED, words.message, metadata);
        return;
      }
      const settings: ConnectionCheckSettings = {
        policy: {
          allowedNetworks: options.allowedNetworks,
          protectedEndpoints: await endpoints.current(),
        },
        resolver,
        allowHttp: options.allowHttp,
        timeoutMs: options.timeoutSeconds * 1000,
        stepTimeoutMs,
        maxResponseBytes: MAX_RESPONSE_BYTES,
      };
      const result = await runConnectionCheck(settings, url, parsed.data.kubeconfig, confirmed);
      logger.info(
        {
          event: 'connection_check',
          reqId: req.id,
          user: res.locals.username,
          host: url.host,
          address: result.address,
          // Whether credentials went to a server the kubeconfig is not for (never what they are).
          otherServer: result.server_mismatch
            ? result.server_mismatch.confirmed
              ? 'credentials sent, confirmed'
              : 'credentials not sent'
            : undefined,
          checks: Object.fromEntries(result.checks.map((check) => [check.id, check.status])),
          durationMs: result.duration_ms,
        },
        'connection checked',
      );
      res.json(result);
    },
  );
  return router;
}
