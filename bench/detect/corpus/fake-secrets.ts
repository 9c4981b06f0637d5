import { ALNUM, BASE32, BASE64_CHARS, DIGITS, HEX, LOWER, type Rng, UPPER, URL_SAFE } from './rng.js';

/**
 * Made-up credentials in the exact shapes providers issue (prefixes, lengths, alphabets and,
 * where the format has one, a valid checksum), so detectors are tested on real formats. None of
 * them is a live credential: every value comes from the seeded generator.
 */

const BASE62 = DIGITS + UPPER + LOWER;

/** GitHub tokens end in a base62 CRC32 of their random part; detectors may verify it. */
function githubToken(rng: Rng, prefix: string): string {
  const body = rng.chars(ALNUM, 30);
  let n = crc32(body);
  let checksum = '';
  for (let i = 0; i < 6; i++) {
    checksum = BASE62[n % 62] + checksum;
    n = Math.floor(n / 62);
  }
  return `${prefix}_${body}${checksum}`;
}

function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** A signed-looking JWT with a plausible header and claims. */
export function fakeJwt(rng: Rng): string {
  const header = b64url(JSON.stringify({ alg: rng.pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' }));
  const iat = 1793000000 + rng.int(0, 5000000);
  const claims = {
    sub: `user_${rng.chars(ALNUM, 12)}`,
    email: `${rng.pick(['ana', 'li', 'sam', 'ola'])}@${rng.pick(['acme.dev', 'contoso.com'])}`,
    role: rng.pick(['admin', 'member', 'service']),
    iat,
    exp: iat + 3600,
  };
  const signature = rng.chars(URL_SAFE, rng.pick([43, 86, 342]));
  return `${header}.${b64url(JSON.stringify(claims))}.${signature}`;
}

/** A PEM private key block (shortened body: real keys are longer, the markers are what matter). */
export function fakePrivateKey(rng: Rng, kind: 'RSA' | 'EC' | 'OPENSSH' | 'PKCS8'): string {
  const label = kind === 'PKCS8' ? 'PRIVATE KEY' : `${kind} PRIVATE KEY`;
  const lead = {
    RSA: 'MIIEowIBAAKCAQEA',
    EC: 'MHcCAQEEI',
    OPENSSH: 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
    PKCS8: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ',
  }[kind];
  const lines = [lead + rng.chars(BASE64_CHARS, 64 - lead.length)];
  for (let i = 0; i < rng.int(6, 10); i++) lines.push(rng.chars(BASE64_CHARS, 64));
  lines.push(`${rng.chars(BASE64_CHARS, rng.int(20, 60))}=`);
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----`;
}

export function fakePassword(rng: Rng): string {
  const words = ['Harbor', 'Maple', 'Quartz', 'Falcon', 'Tundra', 'Cobalt', 'Saffron', 'Orbit'];
  return `${rng.pick(words)}${rng.pick(['!', '#', '$', '%', '&'])}${rng.int(10, 9999)}${rng.pick(words).toLowerCase()}${rng.chars(ALNUM, 4)}`;
}

export interface SecretKind {
  readonly name: string;
  /** The env var or config key it usually sits under. */
  readonly envVar: string;
  make(rng: Rng): string;
}

export const SECRET_KINDS: readonly SecretKind[] = [
  { name: 'AWS access key id', envVar: 'AWS_ACCESS_KEY_ID', make: (r) => `AKIA${r.chars(BASE32, 16)}` },
  { name: 'AWS secret access key', envVar: 'AWS_SECRET_ACCESS_KEY', make: (r) => r.chars(`${ALNUM}/+`, 40) },
  {
    name: 'AWS temporary access key id',
    envVar: 'AWS_ACCESS_KEY_ID',
    make: (r) => `ASIA${r.chars(BASE32, 16)}`,
  },
  { name: 'GitHub personal access token', envVar: 'GITHUB_TOKEN', make: (r) => githubToken(r, 'ghp') },
  { name: 'GitHub OAuth token', envVar: 'GH_TOKEN', make: (r) => githubToken(r, 'gho') },
  { name: 'GitHub app installation token', envVar: 'GITHUB_TOKEN', make: (r) => githubToken(r, 'ghs') },
  {
    name: 'GitHub fine-grained token',
    envVar: 'GITHUB_PAT',
    make: (r) => `github_pat_11${r.chars(UPPER + DIGITS, 20)}_${r.chars(ALNUM, 59)}`,
  },
  { name: 'GitLab token', envVar: 'GITLAB_TOKEN', make: (r) => `glpat-${r.chars(URL_SAFE, 20)}` },
  {
    name: 'Slack bot token',
    envVar: 'SLACK_BOT_TOKEN',
    make: (r) => `xoxb-${r.chars(DIGITS, 11)}-${r.chars(DIGITS, 13)}-${r.chars(ALNUM, 24)}`,
  },
  {
    name: 'Slack user token',
    envVar: 'SLACK_USER_TOKEN',
    make: (r) =>
      `xoxp-${r.chars(DIGITS, 11)}-${r.chars(DIGITS, 11)}-${r.chars(DIGITS, 13)}-${r.chars(HEX, 32)}`,
  },
  {
    name: 'Slack webhook URL',
    envVar: 'SLACK_WEBHOOK_URL',
    make: (r) =>
      `https://hooks.slack.com/services/T${r.chars(UPPER + DIGITS, 8)}/B${r.chars(UPPER + DIGITS, 10)}/${r.chars(ALNUM, 24)}`,
  },
  { name: 'Stripe secret key', envVar: 'STRIPE_SECRET_KEY', make: (r) => `sk_live_${r.chars(ALNUM, 99)}` },
  { name: 'Stripe restricted key', envVar: 'STRIPE_API_KEY', make: (r) => `rk_live_${r.chars(ALNUM, 24)}` },
  {
    name: 'OpenAI project key',
    envVar: 'OPENAI_API_KEY',
    make: (r) => `sk-proj-${r.chars(URL_SAFE, 74)}T3BlbkFJ${r.chars(URL_SAFE, 74)}`,
  },
  {
    name: 'OpenAI legacy key',
    envVar: 'OPENAI_API_KEY',
    make: (r) => `sk-${r.chars(ALNUM, 20)}T3BlbkFJ${r.chars(ALNUM, 20)}`,
  },
  {
    name: 'Anthropic API key',
    envVar: 'ANTHROPIC_API_KEY',
    make: (r) => `sk-ant-api03-${r.chars(URL_SAFE, 93)}AA`,
  },
  { name: 'Google API key', envVar: 'GOOGLE_API_KEY', make: (r) => `AIza${r.chars(URL_SAFE, 35)}` },
  {
    name: 'Google OAuth client secret',
    envVar: 'GOOGLE_CLIENT_SECRET',
    make: (r) => `GOCSPX-${r.chars(URL_SAFE, 28)}`,
  },
  { name: 'npm token', envVar: 'NPM_TOKEN', make: (r) => `npm_${r.chars(ALNUM, 36)}` },
  {
    name: 'PyPI token',
    envVar: 'TWINE_PASSWORD',
    make: (r) => `pypi-AgEIcHlwaS5vcmc${r.chars(URL_SAFE, 70)}`,
  },
  { name: 'Twilio API key', envVar: 'TWILIO_API_KEY', make: (r) => `SK${r.chars(HEX, 32)}` },
  {
    name: 'SendGrid API key',
    envVar: 'SENDGRID_API_KEY',
    make: (r) => `SG.${r.chars(URL_SAFE, 22)}.${r.chars(URL_SAFE, 43)}`,
  },
  { name: 'Mailgun API key', envVar: 'MAILGUN_API_KEY', make: (r) => `key-${r.chars(HEX, 32)}` },
  { name: 'Hugging Face token', envVar: 'HF_TOKEN', make: (r) => `hf_${r.chars(ALNUM, 34)}` },
  { name: 'Shopify access token', envVar: 'SHOPIFY_ACCESS_TOKEN', make: (r) => `shpat_${r.chars(HEX, 32)}` },
  { name: 'DigitalOcean token', envVar: 'DIGITALOCEAN_TOKEN', make: (r) => `dop_v1_${r.chars(HEX, 64)}` },
  { name: 'HashiCorp Vault token', envVar: 'VAULT_TOKEN', make: (r) => `hvs.${r.chars(URL_SAFE, 90)}` },
  {
    name: 'Discord bot token',
    envVar: 'DISCORD_TOKEN',
    make: (r) =>
      `${r.pick(['MT', 'OD', 'Nz'])}${r.chars(ALNUM, 24)}.${r.chars(URL_SAFE, 6)}.${r.chars(URL_SAFE, 38)}`,
  },
  {
    name: 'Telegram bot token',
    envVar: 'TELEGRAM_BOT_TOKEN',
    make: (r) => `${r.int(100000000, 7999999999)}:AA${r.chars(URL_SAFE, 33)}`,
  },
  {
    name: 'Azure storage connection string',
    envVar: 'AZURE_STORAGE_CONNECTION_STRING',
    make: (r) =>
      `DefaultEndpointsProtocol=https;AccountName=${r.chars(LOWER + DIGITS, 12)};AccountKey=${r.chars(BASE64_CHARS, 86)}==;EndpointSuffix=core.windows.net`,
  },
  { name: 'Databricks token', envVar: 'DATABRICKS_TOKEN', make: (r) => `dapi${r.chars(HEX, 32)}` },
  { name: 'Linear API key', envVar: 'LINEAR_API_KEY', make: (r) => `lin_api_${r.chars(ALNUM, 40)}` },
  {
    name: 'Notion integration token',
    envVar: 'NOTION_TOKEN',
    make: (r) => `ntn_${r.chars(DIGITS, 11)}${r.chars(ALNUM, 35)}`,
  },
  {
    name: 'Postman API key',
    envVar: 'POSTMAN_API_KEY',
    make: (r) => `PMAK-${r.chars(HEX, 24)}-${r.chars(HEX, 34)}`,
  },
  {
    name: 'Grafana service account token',
    envVar: 'GRAFANA_TOKEN',
    make: (r) => `glsa_${r.chars(ALNUM, 32)}_${r.chars(HEX, 8)}`,
  },
  { name: 'Supabase access token', envVar: 'SUPABASE_ACCESS_TOKEN', make: (r) => `sbp_${r.chars(HEX, 40)}` },
  { name: 'Pulumi access token', envVar: 'PULUMI_ACCESS_TOKEN', make: (r) => `pul-${r.chars(HEX, 40)}` },
  { name: 'Doppler service token', envVar: 'DOPPLER_TOKEN', make: (r) => `dp.st.prd.${r.chars(ALNUM, 43)}` },
  {
    name: 'age secret key',
    envVar: 'SOPS_AGE_KEY',
    make: (r) => `AGE-SECRET-KEY-1${r.chars('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`,
  },
  { name: 'JWT', envVar: 'AUTH_TOKEN', make: fakeJwt },
  { name: 'RSA private key', envVar: 'PRIVATE_KEY', make: (r) => fakePrivateKey(r, 'RSA') },
  { name: 'OpenSSH private key', envVar: 'SSH_PRIVATE_KEY', make: (r) => fakePrivateKey(r, 'OPENSSH') },
  { name: 'EC private key', envVar: 'SIGNING_KEY', make: (r) => fakePrivateKey(r, 'EC') },
  { name: 'PKCS#8 private key', envVar: 'GOOGLE_PRIVATE_KEY', make: (r) => fakePrivateKey(r, 'PKCS8') },
  {
    name: 'database URL with password',
    envVar: 'DATABASE_URL',
    make: (r) =>
      `${r.pick(['postgres', 'postgresql', 'mysql', 'mongodb+srv', 'redis'])}://${r.pick(['app', 'admin', 'root', 'svc_orders'])}:${encodeURIComponent(fakePassword(r))}@${r.pick(['db.internal.acme.dev', 'prod-db-1.c7x2k.eu-west-1.rds.amazonaws.com', 'cluster0.mx3pq.mongodb.net', '10.0.12.7'])}:${r.pick(['5432', '3306', '27017', '6379'])}/${r.pick(['orders', 'app', 'billing'])}`,
  },
];
