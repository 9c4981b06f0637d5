import { BlockList, isIP } from 'node:net';

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is matched as `10.0.0.1`. */
export function normalizeIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

/** Parses `10.0.0.0/8`, `2001:db8::/32` or a bare address; returns an error message or null. */
export function cidrError(entry: string): string | null {
  const [address, prefix, extra] = entry.split('/');
  const family = address === undefined ? 0 : isIP(address);
  if (family === 0 || extra !== undefined) return `${entry} is not an IPv4 or IPv6 address or CIDR`;
  if (prefix === undefined) return null;
  const bits = Number(prefix);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || bits > max) return `${entry} has a prefix length outside 0-${max}`;
  return null;
}

/** A compiled allowlist of CIDRs over IPv4 and IPv6. */
export class IpAllowlist {
  private readonly list = new BlockList();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const error = cidrError(entry);
      if (error) throw new Error(error);
      const [address = '', prefix] = entry.split('/');
      const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.list.addAddress(address, type);
      else this.list.addSubnet(address, Number(prefix), type);
    }
  }

  allows(ip: string): boolean {
    const address = normalizeIp(ip);
    const family = isIP(address);
    if (family === 0) return false;
    return this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}
