/**
 * Whether a host is a loopback address (127.0.0.0/8, ::1, localhost): a kubeconfig pointing
 * there works only on the machine it came from, so the console warns about it.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  if (h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h) || /^0*:0*:0*:0*:0*:0*:0*:0*1$/.test(h)) {
    return true;
  }
  // IPv4-mapped IPv6 (URL writes ::ffff:127.0.0.1 as ::ffff:7f00:1).
  return /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(h);
}

/** Loopback check on a URL; false when the URL does not parse. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
