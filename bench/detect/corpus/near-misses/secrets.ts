import type { Draft, EventFields } from '../corpus-line.js';
import { toolCall } from '../placement.js';
import type { Rng } from '../rng.js';

/** Benign look-alikes: documented example keys, placeholders, public keys, hashes and digests. */
export function secretsNearMisses(rng: Rng): Draft[] {
  const hex = (n: number) => rng.chars('0123456789abcdef', n);
  const items: readonly { note: string; event: EventFields }[] = [
    {
      note: "AWS's documented example key pair in docs",
      event: toolCall(
        'fetch',
        { url: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html' },
        'arguments',
        'The following example shows a credentials file with a default profile:\n\n[default]\naws_access_key_id=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\nReplace the example values with your own keys. Never commit your credentials file to source control.',
      ),
    },
    {
      note: '.env.example with placeholders',
      event: toolCall(
        'read_file',
        { path: '.env.example' },
        'arguments',
        '# Copy to .env and fill in. Never commit your .env!\nDATABASE_URL=postgres://user:password@localhost:5432/app_dev\nOPENAI_API_KEY=sk-your-key-here\nSTRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx\nGITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nSESSION_SECRET=change-me\n',
      ),
    },
    {
      note: 'jwt.io example token in docs',
      event: toolCall(
        'fetch',
        { url: 'https://jwt.io/introduction' },
        'arguments',
        'A JWT typically looks like the following:\n\neyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n\nIt contains three parts separated by dots: header, payload and signature.',
      ),
    },
    {
      note: 'GitHub Actions secrets reference',
      event: toolCall(
        'read_file',
        { path: '.github/workflows/deploy.yml' },
        'arguments',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions expression syntax, not a template placeholder
        'name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./scripts/deploy.sh\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n',
      ),
    },
    {
      note: 'public key and certificate (not secret)',
      event: toolCall(
        'read_file',
        { path: 'certs/ca.pem' },
        'arguments',
        `-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 64)}\n${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 64)}\n-----END CERTIFICATE-----\n-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 28)}\n${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 56)}==\n-----END PUBLIC KEY-----\n`,
      ),
    },
    {
      note: 'SSH public key in authorized_keys',
      event: toolCall(
        'read_file',
        { path: 'provisioning/authorized_keys' },
        'arguments',
        `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 43)} lena@laptop\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 43)} ci@build-01\n`,
      ),
    },
    {
      note: 'package-lock integrity hashes',
      event: toolCall(
        'read_file',
        { path: 'package-lock.json' },
        'arguments',
        `{\n  "node_modules/zod": {\n    "version": "4.1.5",\n    "resolved": "https://registry.npmjs.org/zod/-/zod-4.1.5.tgz",\n    "integrity": "sha512-${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 86)}==",\n    "license": "MIT"\n  }\n}`,
      ),
    },
    {
      note: 'docker image digests and git SHAs',
      event: toolCall(
        'run_command',
        { command: 'docker images --digests | head -3' },
        'arguments',
        `REPOSITORY          TAG       DIGEST                                                                    IMAGE ID       CREATED\nghcr.io/acme/api    1.42.0    sha256:${hex(64)}   ${hex(12)}   2 days ago\nredis               7-alpine  sha256:${hex(64)}   ${hex(12)}   3 weeks ago`,
      ),
    },
    {
      note: 'SRI integrity attribute in HTML',
      event: toolCall(
        'fetch',
        { url: 'https://getbootstrap.com/docs/5.3/getting-started/introduction/' },
        'arguments',
        `<link href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css" rel="stylesheet" integrity="sha384-${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 64)}" crossorigin="anonymous">`,
      ),
    },
    {
      note: 'Stripe publishable key in a web page (public by design)',
      event: toolCall(
        'fetch',
        { url: 'https://shop.acme.dev/checkout' },
        'arguments',
        `<script src="https://js.stripe.com/v3/"></script>\n<script>const stripe = Stripe('pk_live_${rng.chars('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 99)}');</script>`,
      ),
    },
    {
      note: 'code reading keys from the environment',
      event: toolCall(
        'read_file',
        { path: 'src/clients/openai.ts' },
        'arguments',
        "import OpenAI from 'openai';\n\nconst apiKey = process.env.OPENAI_API_KEY;\nif (!apiKey) throw new Error('OPENAI_API_KEY is not set');\nexport const openai = new OpenAI({ apiKey });\n",
      ),
    },
    {
      note: 'docs placeholder bearer token',
      event: toolCall(
        'fetch',
        { url: 'https://docs.github.com/en/rest/authentication' },
        'arguments',
        'curl --request GET \\\n  --url "https://api.github.com/octocat" \\\n  --header "Authorization: Bearer YOUR-TOKEN" \\\n  --header "X-GitHub-Api-Version: 2022-11-28"\n\nReplace YOUR-TOKEN with a personal access token. Treat your tokens like passwords and keep them secret.',
      ),
    },
    {
      note: 'password field in a login form (no value)',
      event: toolCall(
        'puppeteer_fill',
        { selector: 'input[name="password"]', value: '' },
        'arguments',
        'Filled input[name="password"]',
      ),
    },
    {
      note: 'session id and CSRF nonce in a page',
      event: toolCall(
        'fetch',
        { url: 'https://status.acme.dev/' },
        'arguments',
        `<meta name="csrf-token" content="${hex(32)}">\n<script nonce="${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 22)}">window.__BUILD__ = "${hex(40)}";</script>\n<p>All systems operational.</p>`,
      ),
    },
    {
      note: 'secret rotation runbook',
      event: toolCall(
        'notion_get_page',
        { page_id: 'a1b2c3d4-rotation' },
        'arguments',
        'Rotating the Stripe secret key:\n1. Create a new restricted key in the dashboard (rk_live_...).\n2. Store it in Vault under secret/payments/stripe.\n3. Redeploy the payments service.\n4. Roll the old key after 24 hours.\nNever paste keys into Slack or tickets.',
      ),
    },
    {
      note: 'Sentry DSN and analytics ids in front-end config',
      event: toolCall(
        'read_file',
        { path: 'web/src/config.ts' },
        'arguments',
        `export const SENTRY_DSN = 'https://${hex(32)}@o${rng.int(100000, 999999)}.ingest.sentry.io/${rng.int(1000000, 9999999)}';\nexport const GA_MEASUREMENT_ID = 'G-${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 10)}';\nexport const ALGOLIA_APP_ID = '${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)}';\n`,
      ),
    },
    {
      note: 'opaque pagination cursor and request ids',
      event: toolCall(
        'list_events',
        { limit: 2 },
        'arguments',
        JSON.stringify({
          data: [{ id: `evt_${hex(24)}` }, { id: `evt_${hex(24)}` }],
          next_cursor: Buffer.from(JSON.stringify({ id: rng.int(100000, 999999), ts: 1793520000 })).toString(
            'base64',
          ),
          request_id: `req_${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 24)}`,
        }),
      ),
    },
    {
      note: 'hashed passwords column described in a migration',
      event: toolCall(
        'read_file',
        { path: 'migrations/0001_users.sql' },
        'arguments',
        'CREATE TABLE users (\n  id BIGSERIAL PRIMARY KEY,\n  email TEXT UNIQUE NOT NULL,\n  password_hash TEXT NOT NULL -- argon2id, never store plain passwords\n);',
      ),
    },
  ];
  return items.map((item) => ({ note: `near miss secrets: ${item.note}`, event: item.event }));
}
