import {
  CLUSTERS_API_PATH,
  nautesApiVersionFromText,
  type NautesApiInfo,
  type NautesApiVersion,
} from '@cluster-console/shared';
import type { Logger } from 'pino';
import { describe } from '../auth/gitlab-oidc.client';
import { generationOfListReply } from './nautes-api-info';

export type NautesApiSetting = NautesApiVersion | 'auto';

export interface NautesApiDetectorOptions {
  clustersApiUrl: string;
  setting: NautesApiSetting;
  logger: Logger;
  /** Each probe's time limit. */
  probeTimeoutMs?: number;
  /** How long a known answer is kept: the server's generation changes only with an upgrade. */
  knownTtlMs?: number;
  /** How long "unknown" is kept: short, so a first cluster or a fixed server is seen soon. */
  unknownTtlMs?: number;
}

const PROBE_TIMEOUT_MS = 5_000;
const KNOWN_TTL_MS = 5 * 60_000;
const UNKNOWN_TTL_MS = 15_000;

/**
 * Finds out which Nautes API generation the clusters API speaks (NAUTES_API_VERSION=auto):
 * 1. `GET /healthz` → `nautes_api_version` (our embedded API says it there);
 * 2. `GET /openapi.json` → `info.version` (ours too; a real Nautes server has neither: its
 *    only extra routes, `/q/services` and `/q/swagger-ui`, name the same gRPC service in both
 *    generations, so they are not asked);
 * 3. the user's own list reply, with their token: a v0.4 item always has a `components_list`
 *    key, a v0.3 item never has;
 * 4. else unknown, said in words: nothing is guessed.
 * One answer is shared by all users (it is the server's, not theirs) and cached.
 */
export class NautesApiDetector {
  private cached: { info: NautesApiInfo; until: number } | undefined;
  private inFlight: Promise<NautesApiInfo> | undefined;
  private readonly baseUrl: string;

  constructor(private readonly options: NautesApiDetectorOptions) {
    this.baseUrl = options.clustersApiUrl.replace(/\/+$/, '');
  }

  async info(accessToken: string): Promise<NautesApiInfo> {
    const { setting } = this.options;
    if (setting !== 'auto') {
      return {
        version: setting,
        source: 'configured',
        message: `The console is set to Nautes API ${setting} (NAUTES_API_VERSION).`,
      };
    }
    if (this.cached && this.cached.until > Date.now()) return this.cached.info;
    // Concurrent first calls share one detection instead of probing the server once each.
    this.inFlight ??= this.detect(accessToken).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async detect(accessToken: string): Promise<NautesApiInfo> {
    const info = await this.probe(accessToken);
    const ttl =
      info.version === 'unknown'
        ? (this.options.unknownTtlMs ?? UNKNOWN_TTL_MS)
        : (this.options.knownTtlMs ?? KNOWN_TTL_MS);
    this.cached = { info, until: Date.now() + ttl };
    this.options.logger.info(
      { event: 'nautes_api_detected', version: info.version, source: info.source },
      'Nautes API generation',
    );
    return info;
  }

  private async probe(accessToken: string): Promise<NautesApiInfo> {
    const health = await this.getJson('/healthz');
    const said =
      nautesApiVersionFromText(field(health, 'nautes_api_version')) ??
      nautesApiVersionFromText(
        field(field(await this.getJson('/openapi.json'), 'info'), 'version'),
      );
    if (said) {
      return {
        version: said,
        source: 'server',
        message: `The clusters API says it speaks Nautes API ${said}.`,
      };
    }
    const list = await this.getJson(CLUSTERS_API_PATH, accessToken);
    const seen = generationOfListReply(list);
    if (seen) {
      return {
        version: seen,
        source: 'clusters',
        message: `The clusters API's replies are Nautes API ${seen} replies.`,
      };
    }
    const why =
      list === undefined
        ? 'it does not say, and its cluster list could not be read'
        : 'it does not say, and it has no clusters yet to tell from';
    return {
      version: 'unknown',
      source: 'none',
      message:
        `The console could not tell which Nautes API generation (v0.3 or v0.4) the clusters API speaks: ${why}. ` +
        'Choose the generation of your Nautes release when you save; an administrator can set ' +
        'NAUTES_API_VERSION to stop this question.',
    };
  }

  /** The JSON body of a 2xx answer, else undefined (and why, in the log). */
  private async getJson(path: string, accessToken?: string): Promise<unknown> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        headers: {
          Accept: 'application/json',
          ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
        },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.probeTimeoutMs ?? PROBE_TIMEOUT_MS),
      });
      if (!response.ok) {
        await response.body?.cancel();
        this.options.logger.debug(
          { event: 'nautes_api_probe', path, status: response.status },
          'probe answered without a generation',
        );
        return undefined;
      }
      return await response.json();
    } catch (error) {
      this.options.logger.debug(
        { event: 'nautes_api_probe', path, error: describe(error) },
        'probe failed',
      );
      return undefined;
    }
  }
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}
