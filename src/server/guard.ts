// URL ingest must not reach into the server's own network: loopback, private and link-local
// addresses (and names that resolve to them, after every redirect) are refused unless allowed.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export class ForbiddenAddress extends Error {
  constructor(message: string) { super(message); this.name = 'ForbiddenAddress'; }
}

/** Whether an IP address is loopback, private, link-local, unspecified or otherwise not public. */
export function isPrivateAddress(ip: string): boolean {
  const v = ip.toLowerCase().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
  if (mapped) return isPrivateAddress(mapped[1]);
  if (isIP(v) === 4) {
    const [a, b] = v.split('.').map(Number);
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31)
      || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
  }
  if (isIP(v) === 6) return v === '::1' || v === '::' || /^f[cd]/.test(v) || /^fe[89ab]/.test(v);
  return true;
}

/** A fetch guard: resolves the host and refuses non-public addresses. */
export function publicOnly(allowPrivate: boolean): (url: URL) => Promise<void> {
  return async (url) => {
    if (allowPrivate) return;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((x) => x.address);
    if (addresses.length === 0) throw new ForbiddenAddress(`cannot resolve ${host}`);
    const bad = addresses.find(isPrivateAddress);
    if (bad) throw new ForbiddenAddress(`refused: ${host} resolves to a private or loopback address (${bad}); start the server with --allow-private to allow it`);
  };
}
