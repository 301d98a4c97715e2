// URL ingest must not reach into the server's own network: loopback, private and link-local
// addresses (and names that resolve to them, after every redirect) are refused unless allowed.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent } from 'undici';

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

/** Resolves a host name to its addresses (the system resolver by default; tests substitute their own). */
export type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async (host) => (await lookup(host, { all: true }).catch(() => [])).map((x) => x.address);

/** The addresses of a host, refused unless all are public: throws ForbiddenAddress naming the reason. */
async function publicAddresses(host: string, resolve: Resolve): Promise<string[]> {
  const addresses = isIP(host) ? [host] : await resolve(host);
  if (addresses.length === 0) throw new ForbiddenAddress(`cannot resolve ${host}`);
  const bad = addresses.find(isPrivateAddress);
  if (bad) throw new ForbiddenAddress(`refused: ${host} resolves to a private or loopback address (${bad}); start the server with --allow-private to allow it`);
  return addresses;
}

/** A fetch guard, called before every request and redirect: resolves the host and refuses non-public addresses. */
export function publicOnly(allowPrivate: boolean, resolve: Resolve = systemResolve): (url: URL) => Promise<void> {
  return async (url) => {
    if (allowPrivate) return;
    await publicAddresses(url.hostname.replace(/^\[|\]$/g, ''), resolve);
  };
}

type LookupCallback = (err: Error | null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * An HTTP agent whose connections go only to public addresses: the name is resolved again when the
 * socket connects and that answer is both checked and used. The guard's earlier check alone would
 * let a name that answers "public" to the check and "private" to the connection (DNS rebinding)
 * through.
 */
export function publicAgent(resolve: Resolve = systemResolve): Agent {
  const lookupPublic = (host: string, options: { all?: boolean }, callback: LookupCallback): void => {
    publicAddresses(host, resolve).then(
      (addresses) => {
        const family = (a: string): number => (isIP(a) === 6 ? 6 : 4);
        if (options.all) callback(null, addresses.map((a) => ({ address: a, family: family(a) })));
        else callback(null, addresses[0], family(addresses[0]));
      },
      (err: Error) => callback(err, ''),
    );
  };
  return new Agent({ connect: { lookup: lookupPublic as never } });
}
