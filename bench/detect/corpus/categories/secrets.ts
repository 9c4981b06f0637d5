import type { Draft, EventFields } from '../corpus-line.js';
import { fakePassword, fakePrivateKey, SECRET_KINDS, type SecretKind } from '../fake-secrets.js';
import { RESPONSE_SHAPES, shapeResponse, toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/**
 * Secrets: live-looking credentials flowing through tool traffic, in files the agent read, in
 * arguments it sends, in logs, in prompts. Values come from fake-secrets.ts (made up, right shape).
 */

type Leak = (rng: Rng, kind: SecretKind, value: string) => { where: string; event: EventFields };

const LEAKS: readonly Leak[] = [
  (rng, kind, value) => ({
    where: 'a .env file read',
    event: toolCall(
      'read_file',
      { path: rng.pick(['.env', '/srv/app/.env.production', 'services/api/.env']) },
      'arguments',
      shapeResponse(
        `NODE_ENV=production\nPORT=8080\nLOG_LEVEL=info\n${kind.envVar}=${value}\nFEATURE_FLAGS=checkout_v2,new_search\n`,
        rng.pick(RESPONSE_SHAPES),
      ),
    ),
  }),
  (rng, kind, value) => ({
    where: 'an environment dump from a debug tool',
    event: {
      tool: 'printEnv',
      arguments: {},
      response: shapeResponse(
        JSON.stringify(
          { HOME: '/home/node', PATH: '/usr/local/bin:/usr/bin:/bin', [kind.envVar]: value, TZ: 'UTC' },
          null,
          2,
        ),
        rng.pick(RESPONSE_SHAPES),
      ),
    },
  }),
  (_rng, _kind, value) => ({
    where: 'the Authorization header of an HTTP tool call',
    event: toolCall(
      'http_request',
      {
        method: 'GET',
        url: 'https://api.internal.acme.dev/v2/reports',
        headers: { Authorization: `Bearer ${value}`, Accept: 'application/json' },
      },
      'arguments',
    ),
  }),
  (rng, kind, value) => ({
    where: 'source code written by the agent',
    event: toolCall(
      'write_file',
      {
        path: rng.pick(['src/config.ts', 'lib/client.js', 'app/settings.py']),
        content: `// TODO move to secrets manager\nexport const config = {\n  region: 'eu-west-1',\n  ${kind.envVar.toLowerCase().replace(/_([a-z])/g, (_m: string, c: string) => c.toUpperCase())}: ${JSON.stringify(value)},\n  timeoutMs: 5000,\n};\n`,
      },
      rng.pick(['arguments', 'metadata-arguments'] as const),
    ),
  }),
  (rng, kind, value) => ({
    where: "the user's prompt",
    event: {
      tool: rng.pick(['run_command', 'http_request', 'fetch']),
      prompt: `Here is my ${kind.name.toLowerCase()}: ${value}\nUse it to check why the deploy job fails.`,
    },
  }),
  (rng, kind, value) => ({
    where: 'an added line of a git diff',
    event: toolCall(
      'git_diff',
      { repo_path: '/home/dev/src/payments', target: 'HEAD~1' },
      'arguments',
      shapeResponse(
        `diff --git a/deploy/values.yaml b/deploy/values.yaml\nindex 4f2a1c3..9b8e7d6 100644\n--- a/deploy/values.yaml\n+++ b/deploy/values.yaml\n@@ -12,6 +12,7 @@ env:\n   LOG_LEVEL: info\n   REGION: eu-west-1\n+  ${kind.envVar}: "${value}"\n   REPLICAS: "3"\n`,
        rng.pick(RESPONSE_SHAPES),
      ),
    ),
  }),
  (rng, kind, value) => ({
    where: 'CI log output',
    event: toolCall(
      'get_job_logs',
      { run_id: rng.int(1000000, 9999999) },
      'arguments',
      `2026-11-02T09:14:55.120Z ##[group]Run ./scripts/deploy.sh\n2026-11-02T09:14:55.121Z + export ${kind.envVar}=${value}\n2026-11-02T09:14:55.340Z Deploying build 4821 to staging\n2026-11-02T09:15:02.887Z Done in 7.5s\n`,
    ),
  }),
  (rng, kind, value) => ({
    where: 'a docker-compose environment',
    event: toolCall(
      'read_file',
      { path: 'docker-compose.yml' },
      rng.pick(['arguments', 'metadata-field'] as const),
      `services:\n  api:\n    image: ghcr.io/acme/api:1.42.0\n    ports:\n      - "8080:8080"\n    environment:\n      - ${kind.envVar}=${value}\n      - REDIS_HOST=redis\n  redis:\n    image: redis:7-alpine\n`,
    ),
  }),
  (_rng, kind, value) => ({
    where: 'a Kubernetes secret manifest (stringData)',
    event: toolCall(
      'kubectl_get',
      { resource: 'secret', name: 'api-credentials', namespace: 'prod', output: 'yaml' },
      'arguments',
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-credentials\n  namespace: prod\ntype: Opaque\nstringData:\n  ${kind.envVar.toLowerCase()}: ${JSON.stringify(value)}\n`,
    ),
  }),
  (rng, kind, value) => ({
    where: 'a Slack message from a colleague',
    event: toolCall(
      'slack_get_channel_history',
      { channel_id: 'C04DEVOPS1', limit: 10 },
      'arguments',
      shapeResponse(
        `[14:02] viktor: anyone has the ${kind.name} for the staging integration?\n[14:03] omar: here you go ${value}\n[14:03] omar: please don't share it outside this channel\n[14:05] viktor: thx`,
        rng.pick(RESPONSE_SHAPES),
      ),
    ),
  }),
  (_rng, kind, value) => ({
    where: 'a JSON config file',
    event: toolCall(
      'get_file_contents',
      { owner: 'acme', repo: 'mobile-app', path: 'config/prod.json' },
      'arguments',
      JSON.stringify(
        { apiBaseUrl: 'https://api.acme.dev', [kind.envVar.toLowerCase()]: value, retries: 3 },
        null,
        2,
      ),
    ),
  }),
  (rng, _kind, value) => ({
    where: 'request metadata headers',
    event: {
      tool: 'search_orders',
      arguments: { status: 'open' },
      metadata: { headers: { 'x-api-key': value, 'user-agent': 'mcp-gateway/1.3' }, transport: 'http' },
      prompt: rng.pick(['list open orders', 'show me what is pending']),
    },
  }),
];

/** Indexes of LEAKS whose place only holds a one-line value (headers, diff lines, shell exports). */
const SINGLE_LINE_LEAKS: ReadonlySet<number> = new Set([2, 5, 6, 7, 11]);

/** Whole-file leaks whose format carries the secret by itself. */
function fileLeaks(rng: Rng): Draft[] {
  const awsId = SECRET_KINDS[0]!.make(rng);
  const awsSecret = SECRET_KINDS[1]!.make(rng);
  const ghp = SECRET_KINDS[3]!.make(rng);
  const npm = SECRET_KINDS.find((k) => k.name === 'npm token')!.make(rng);
  const password = fakePassword(rng);
  return [
    {
      note: 'AWS credentials file',
      event: toolCall(
        'read_file',
        { path: '~/.aws/credentials' },
        'arguments',
        `[default]\naws_access_key_id = ${awsId}\naws_secret_access_key = ${awsSecret}\nregion = us-east-1\n`,
      ),
    },
    {
      note: 'SSH private key file',
      event: toolCall(
        'read_file',
        { path: '/home/dev/.ssh/id_ed25519' },
        'metadata-field',
        fakePrivateKey(rng, 'OPENSSH'),
      ),
    },
    {
      note: 'GCP service account JSON',
      event: toolCall(
        'read_file',
        { path: 'credentials/service-account.json' },
        'arguments',
        JSON.stringify(
          {
            type: 'service_account',
            project_id: 'acme-prod-3812',
            private_key_id: rng.chars('0123456789abcdef', 40),
            private_key: `${fakePrivateKey(rng, 'PKCS8')}\n`,
            client_email: 'deployer@acme-prod-3812.iam.gserviceaccount.com',
            client_id: String(rng.int(100000000, 999999999)) + '123456789012',
          },
          null,
          2,
        ),
      ),
    },
    {
      note: '.git-credentials with a token in the URL',
      event: toolCall(
        'read_file',
        { path: '/home/dev/.git-credentials' },
        'arguments',
        `https://dev-bot:${ghp}@github.com\n`,
      ),
    },
    {
      note: '.npmrc auth token',
      event: toolCall(
        'read_file',
        { path: '.npmrc' },
        'arguments',
        `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${npm}\n`,
      ),
    },
    {
      note: 'HTTP Basic credentials in a curl command',
      event: toolCall(
        'run_command',
        {
          command: `curl -s -H "Authorization: Basic ${Buffer.from(`deploy:${password}`).toString('base64')}" https://jenkins.internal.acme.dev/job/release/build`,
        },
        'arguments',
      ),
    },
    {
      note: 'password in a connection string in a stack trace',
      event: {
        tool: 'run_migration',
        arguments: { target: 'latest' },
        is_error: true,
        response: `Error: connect ECONNREFUSED 10.0.4.12:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)\n  config: { connectionString: 'postgres://billing:${encodeURIComponent(password)}@10.0.4.12:5432/billing' }`,
      },
    },
    {
      note: 'password assignment in a Python settings file',
      event: toolCall(
        'read_file',
        { path: 'app/settings/production.py' },
        'arguments',
        `DEBUG = False\nALLOWED_HOSTS = ["shop.acme.dev"]\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "NAME": "shop",\n        "USER": "shop",\n        "PASSWORD": "${password}",\n        "HOST": "db.internal",\n    }\n}\n`,
      ),
    },
    {
      note: 'token in a URL query string argument',
      event: toolCall(
        'fetch',
        { url: `https://api.acme.dev/v1/export?format=csv&access_token=${SECRET_KINDS[3]!.make(rng)}` },
        'arguments',
      ),
    },
    {
      note: 'Terraform variables file',
      event: toolCall(
        'read_file',
        { path: 'infra/prod.tfvars' },
        'arguments',
        `region = "eu-central-1"\ninstance_type = "t3.large"\ndatadog_api_key = "${rng.chars('0123456789abcdef', 32)}"\ncloudflare_api_token = "${rng.chars('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-', 40)}"\ndb_password = "${password}"\n`,
      ),
    },
  ];
}

/** Secret attack examples: every kind at least twice, in different places. */
export function secretsAttacks(rng: Rng): Draft[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < SECRET_KINDS.length * 2; i++) {
    const kind = SECRET_KINDS[i % SECRET_KINDS.length]!;
    const value = kind.make(rng);
    let leakIndex = (i * 5 + Math.floor(i / SECRET_KINDS.length)) % LEAKS.length;
    // A multi-line key (PEM) cannot sit in a header or a one-line env assignment.
    while (value.includes('\n') && SINGLE_LINE_LEAKS.has(leakIndex))
      leakIndex = (leakIndex + 1) % LEAKS.length;
    const { where, event } = LEAKS[leakIndex]!(rng, kind, value);
    drafts.push({ note: `${kind.name} in ${where}`, event });
  }
  return [...drafts, ...fileLeaks(rng)];
}
