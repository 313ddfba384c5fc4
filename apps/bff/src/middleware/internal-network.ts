import { BlockList } from 'node:net';
import { ErrorReason } from '@cluster-console/shared';
import type { Request, RequestHandler } from 'express';
import type { IpNetwork } from '../connection-check/ip-networks';
import { sendError } from './errors';

/** Is this request from inside (the probes, the operator's monitoring), not just anyone? */
export type InternalCallerTest = (req: Request) => boolean;

/**
 * The one decision on who may see what the console tells only its operators (`/readyz`'s
 * details, `/metrics`): a caller whose address is in INTERNAL_NETWORKS (loopback by default;
 * config.internalNetworks).
 *
 * The address is Express's `req.ip`: the socket's peer unless TRUST_PROXY is set, then the
 * client the trusted proxies name in X-Forwarded-For (so a request through the ingress is judged
 * by the browser's address, never by the ingress pod's). Without TRUST_PROXY a forged
 * X-Forwarded-For changes nothing. IPv4-mapped IPv6 peers (`::ffff:127.0.0.1`) match IPv4
 * networks. A request without a known address is outside.
 */
export function internalCallerTest(networks: readonly IpNetwork[]): InternalCallerTest {
  const inside = new BlockList();
  for (const network of networks) {
    inside.addSubnet(network.base.toString(), network.prefix, network.base.kind());
  }
  return (req) => {
    const address = req.ip;
    if (!address) return false;
    try {
      return inside.check(address, address.includes(':') ? 'ipv6' : 'ipv4');
    } catch {
      // Not an address at all (cannot come from a socket, but req.ip is computed): outside.
      return false;
    }
  };
}

/**
 * Middleware for routes only insiders may reach at all (`/metrics`): anyone else gets 404
 * NOT_FOUND, as if the route did not exist, so it tells an outsider nothing.
 */
export function requireInternalNetwork(networks: readonly IpNetwork[]): RequestHandler {
  const isInternal = internalCallerTest(networks);
  return (req, res, next) => {
    if (isInternal(req)) {
      next();
      return;
    }
    sendError(res, 404, ErrorReason.NOT_FOUND, `No route for ${req.method} ${req.path}.`);
  };
}
