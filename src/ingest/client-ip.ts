import { IpAllowlist, normalizeIp } from './ip-allowlist.js';

export interface ClientIpOptions {
  /** Proxies whose header we believe; a request from anywhere else is judged by its socket address. */
  readonly trustedProxies: readonly string[];
  /** `x-forwarded-for` (a hop list) or a single-address header such as `x-real-ip`. */
  readonly header: string;
}

/** Decides which address a request really comes from, trusting headers only from trusted proxies. */
export class ClientIpResolver {
  private readonly trusted: IpAllowlist;

  constructor(private readonly options: ClientIpOptions) {
    this.trusted = new IpAllowlist(options.trustedProxies);
  }

  resolve(socketAddress: string, headers: Record<string, string | string[] | undefined>): string {
    let current = normalizeIp(socketAddress);
    if (!this.trusted.allows(current)) return current;
    const raw = headers[this.options.header];
    const value = Array.isArray(raw) ? raw.join(',') : raw;
    if (value === undefined || value.trim() === '') return current;
    const hops = value
      .split(',')
      .map((hop) => normalizeIp(hop.trim()))
      .filter((hop) => hop !== '');
    // Walk from the nearest hop outwards; the first address not one of our proxies is the client.
    for (let i = hops.length - 1; i >= 0; i--) {
      current = hops[i] ?? current;
      if (!this.trusted.allows(current)) return current;
    }
    return current;
  }
}
