/**
 * Hosts that exist to receive arbitrary requests (request bins, tunnels, OOB collaborators). A
 * value sent there is almost never ordinary traffic, which makes them a strong exfiltration sign.
 */
const COLLECTOR_DOMAINS: ReadonlySet<string> = new Set([
  'webhook.site',
  'requestbin.com',
  'requestbin.net',
  'pipedream.net',
  'ngrok.io',
  'ngrok-free.app',
  'ngrok.app',
  'burpcollaborator.net',
  'oastify.com',
  'interact.sh',
  'oast.fun',
  'oast.pro',
  'oast.live',
  'oast.site',
  'oast.online',
  'oast.me',
  'beeceptor.com',
  'hookbin.com',
  'requestcatcher.com',
  'canarytokens.com',
  'dnslog.cn',
  'ceye.io',
  'serveo.net',
  'loca.lt',
  'localtunnel.me',
  'postb.in',
  'trycloudflare.com',
]);

/** True when `host` (lowercase, no port) is, or is under, a known collector domain (all have two labels). */
export function isCollectorHost(host: string): boolean {
  const lastDot = host.lastIndexOf('.');
  const secondDot = lastDot === -1 ? -1 : host.lastIndexOf('.', lastDot - 1);
  return COLLECTOR_DOMAINS.has(host.slice(secondDot + 1));
}

/** The lowercase host of an http(s) URL (no userinfo, no port), or null. */
export function hostOf(url: string): string | null {
  const scheme = url.indexOf('://');
  if (scheme < 4 || scheme > 5) return null;
  // The authority ends at the first `/`, `?` or `#`: one scan, no array per call.
  let end = scheme + 3;
  while (end < url.length) {
    const code = url.charCodeAt(end);
    if (code === 47 || code === 63 || code === 35) break;
    end++;
  }
  const authority = url.slice(url.lastIndexOf('@', end) + 1 || scheme + 3, end);
  const colon = authority.indexOf(':');
  const host = authority.startsWith('[')
    ? authority.slice(0, authority.indexOf(']') + 1)
    : colon === -1
      ? authority
      : authority.slice(0, colon);
  return host ? host.toLowerCase() : null;
}
