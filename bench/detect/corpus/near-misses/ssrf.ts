import type { Draft } from '../corpus-line.js';
import { ARGUMENT_STYLES, toolCall } from '../placement.js';

/** Benign look-alikes: public URLs, and localhost dev servers a browser tool opens while developing. */
export function ssrfNearMisses(): Draft[] {
  const urls: readonly [string, string][] = [
    ['fetch', 'https://docs.python.org/3/library/asyncio.html'],
    ['fetch', 'https://api.github.com/repos/modelcontextprotocol/servers/releases?per_page=5'],
    ['puppeteer_navigate', 'http://localhost:3000/'],
    ['browser_navigate', 'http://localhost:5173/settings/profile'],
    ['puppeteer_navigate', 'http://127.0.0.1:8000/docs'],
    ['fetch', 'https://en.wikipedia.org/wiki/Link-local_address'],
    [
      'fetch',
      'https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service/',
    ],
    ['http_get', 'https://status.example.com/api/v2/summary.json'],
    ['fetch', 'https://registry.npmjs.org/fastify/latest'],
    ['fetch', 'https://www.google.com/search?q=169.254.169.254+imds+v2'],
    ['http_get', 'https://ipinfo.io/8.8.8.8/json'],
    ['browser_navigate', 'https://calendar.google.com/calendar/r/week/2026/11/2'],
    ['http_get', 'http://localhost:11434/api/tags'],
    ['browser_navigate', 'https://grafana.acme.dev/d/api-latency/api-latency?orgId=1&from=now-6h&to=now'],
    ['fetch', 'https://raw.githubusercontent.com/modelcontextprotocol/servers/main/README.md'],
    ['fetch', 'https://cloud.google.com/compute/docs/metadata/overview'],
  ];
  return urls.map(([tool, url], i) => ({
    note: `near miss ssrf: ordinary URL ${url}`,
    event: toolCall(tool, { url }, ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!),
  }));
}
