import type { HostSpan, UrlSite } from './url-sites.js';

/**
 * Loopback URLs a developer opens all day (`http://localhost:3000/`, `http://127.0.0.1:8000/docs`)
 * are not SSRF; loopback URLs aimed at a local service's control plane are (`127.0.0.1:6379`,
 * `localhost:2375/containers/json`, `:8080/actuator/env`), and so are loopback addresses written
 * to dodge a filter (`0x7f000001`, `127.1`, `LocalHost.`, userinfo).
 */

/** Ports of databases, caches, orchestrators and admin services that answer unauthenticated on loopback. */
const SERVICE_PORTS = new Set([
  22, 23, 25, 111, 135, 139, 445, 873, 1433, 1521, 2049, 2375, 2376, 2379, 2380, 3306, 3389, 4369, 5432, 5672,
  5984, 6379, 6443, 7001, 8001, 8086, 8200, 8500, 8983, 9042, 9092, 9200, 9300, 10250, 10255, 11211, 15672,
  27017, 28017, 50070,
]);

/** Paths of admin, debug and secret endpoints. */
const ADMIN_PATH =
  /^\/(?:admin|actuator|server-status|server-info|metrics|debug|env\b|console|manager|jmx|jolokia|heapdump|_cat|_cluster|_nodes|_search|containers|api\/v1\/(?:namespaces|secrets|pods|nodes)|v1\/(?:agent|kv|secret|sys|catalog)|v2\/keys|computemetadata|latest\/|metadata|\.env|\.git|config|phpmyadmin|solr|internal|private|cgi-bin)/i;

const WEB_SCHEMES = new Set(['http', 'https', 'ws', 'wss']);

/** True when a loopback site looks like a developer's own web server rather than an attack on a local service. */
export function isDevServer(text: string, site: UrlSite, span: HostSpan): boolean {
  if (!WEB_SCHEMES.has(site.scheme) || site.userinfo || site.altHost || span.host.obfuscation) return false;
  const written = text.slice(span.start, span.end);
  // `LocalHost.` and other spellings that differ from the plain name are written to dodge a filter.
  if (written !== written.toLowerCase() || written.endsWith('.')) return false;
  const rest = text.slice(span.end, site.end);
  const port = /^:(\d{1,5})/.exec(rest);
  if (port && SERVICE_PORTS.has(Number(port[1]))) return false;
  const path = rest.slice(port ? port[0].length : 0);
  return !ADMIN_PATH.test(path);
}
