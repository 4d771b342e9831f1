import dns from 'node:dns';
import net from 'node:net';

// Loopback, private, link-local (cloud metadata), carrier-grade NAT, unspecified, multicast and reserved ranges: a
// tenant's webhook URL must not reach into the network Ledgerflow runs in.
const BLOCKED_IPV4 = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3],
] as const;
const BLOCKED_IPV6 = [['::', 127], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const;
const BLOCKED = new net.BlockList();
for (const [network, prefix] of BLOCKED_IPV4) BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of BLOCKED_IPV6) BLOCKED.addSubnet(network, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  const family = net.isIP(address);
  return family === 0 || BLOCKED.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor() {
    super('The webhook host resolves to a private or loopback address');
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * dns.lookup for http.request that refuses private addresses. It runs at connect time on the address actually used,
 * so a host cannot pass a check with one answer and be connected to with another.
 */
export function publicOnlyLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, options, (error, address, family) => {
    if (error) return callback(error, address as string, family);
    const addresses = Array.isArray(address) ? address.map((entry) => entry.address) : [address];
    if (addresses.some(isPrivateAddress)) return callback(new PrivateAddressError(), address as string, family);
    callback(null, address, family);
  });
}
