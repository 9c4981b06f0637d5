/**
 * API tokens of SaaS providers whose token format carries a distinctive prefix or shape. They share
 * one detector and one regex (one scan per value); the detail names the provider.
 * `triggers`: strings every token of the provider holds, one at least (case-sensitive), for the
 * engine's prefilter (Detector.triggers).
 */
interface Provider {
  readonly name: string;
  readonly pattern: string;
  /**
   * The token alone, when `pattern` also reads context around it (a lookbehind): what a matched
   * token is recognized by. `pattern` by default.
   */
  readonly token?: string;
  readonly triggers: readonly string[];
  /** The random part of a token, judged for randomness; the whole token by default. */
  readonly body?: (token: string) => string;
  /** Character kinds (lower, upper, digit, other) the body must mix; 1 by default. */
  readonly minKinds?: number;
}

const PROVIDERS: readonly Provider[] = [
  { name: 'SendGrid API key', pattern: 'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', triggers: ['SG.'] },
  { name: 'Mailgun API key', pattern: 'key-[0-9a-f]{32}', triggers: ['key-'] },
  { name: 'Hugging Face token', pattern: 'hf_[A-Za-z0-9]{34}', triggers: ['hf_'] },
  {
    name: 'DigitalOcean token',
    pattern: 'do[opr]_v1_[a-f0-9]{64}',
    triggers: ['doo_v1_', 'dop_v1_', 'dor_v1_'],
  },
  {
    name: 'Shopify access token',
    pattern: 'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}',
    triggers: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  },
  {
    name: 'PyPI upload token',
    pattern: 'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300}',
    triggers: ['pypi-AgEIcHlwaS5vcmc'],
  },
  { name: 'Google OAuth client secret', pattern: 'GOCSPX-[A-Za-z0-9_-]{28}', triggers: ['GOCSPX-'] },
  { name: 'Linear API key', pattern: 'lin_api_[A-Za-z0-9]{40}', triggers: ['lin_api_'] },
  { name: 'Groq API key', pattern: 'gsk_[A-Za-z0-9]{52}', triggers: ['gsk_'] },
  { name: 'Replicate API token', pattern: 'r8_[A-Za-z0-9]{37}', triggers: ['r8_'] },
  { name: 'Databricks token', pattern: 'dapi[a-f0-9]{32}(?:-\\d)?', triggers: ['dapi'] },
  {
    name: 'Twilio API key',
    pattern: 'SK[0-9a-fA-F]{32}',
    // `SK` and a hex digit: `SKU` in ordinary code and prose does not open the gate.
    triggers: [...'0123456789abcdefABCDEF'].map((hex) => `SK${hex}`),
  },
  { name: 'HashiCorp Vault token', pattern: 'hv[sb]\\.[A-Za-z0-9_-]{90,200}', triggers: ['hvs.', 'hvb.'] },
  { name: 'Postman API key', pattern: 'PMAK-[a-f0-9]{24}-[a-f0-9]{34}', triggers: ['PMAK-'] },
  { name: 'Pulumi access token', pattern: 'pul-[a-f0-9]{40}', triggers: ['pul-'] },
  { name: 'age secret key', pattern: 'AGE-SECRET-KEY-1[0-9A-Z]{58}', triggers: ['AGE-SECRET-KEY-1'] },
  { name: 'OpenRouter API key', pattern: 'sk-or-v1-[a-f0-9]{64}', triggers: ['sk-or-v1-'] },
  { name: 'Perplexity API key', pattern: 'pplx-[A-Za-z0-9]{48}', triggers: ['pplx-'] },
  { name: 'xAI API key', pattern: 'xai-[A-Za-z0-9]{80}', triggers: ['xai-'] },
  {
    name: 'Square access token',
    pattern: 'sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}',
    triggers: ['sq0atp-', 'sq0csp-'],
  },
  {
    // Square's current access tokens: `EAAA` and about 60 base64url characters. Facebook tokens
    // also start `EAA` but run to 100-250 characters, past the bound and the lookahead.
    name: 'Square access token',
    pattern: 'EAAA[A-Za-z0-9_-]{56,72}',
    triggers: ['EAAA'],
    body: (token) => token.slice(4),
    minKinds: 3,
  },
  { name: 'Atlassian API token', pattern: 'ATATT3[A-Za-z0-9_=-]{100,250}', triggers: ['ATATT3'] },
  {
    name: 'Grafana token',
    pattern: 'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2}',
    triggers: ['glsa_', 'glc_'],
  },
  {
    name: 'Doppler token',
    pattern: 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.(?:[a-z0-9_-]{1,30}\\.)?[A-Za-z0-9]{40,44}',
    triggers: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'],
  },
  { name: 'Figma token', pattern: 'figd_[A-Za-z0-9_-]{40}', triggers: ['figd_'] },
  { name: 'Docker Hub access token', pattern: 'dckr_pat_[A-Za-z0-9_-]{27}', triggers: ['dckr_pat_'] },
  {
    name: 'Terraform Cloud token',
    pattern: '[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}',
    triggers: ['.atlasv1.'],
  },
  { name: 'Notion integration token', pattern: 'ntn_[A-Za-z0-9]{46}', triggers: ['ntn_'] },
  { name: 'Supabase access token', pattern: 'sbp_[a-f0-9]{40}', triggers: ['sbp_'] },
  {
    name: 'Tailscale key',
    pattern: 'tskey-(?:api|auth|client)-[A-Za-z0-9]{6,20}-[A-Za-z0-9]{20,40}',
    triggers: ['tskey-'],
  },
  { name: 'Brevo API key', pattern: 'xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}', triggers: ['xkeysib-'] },
  { name: 'New Relic API key', pattern: 'NRAK-[A-Z0-9]{27}', triggers: ['NRAK-'] },
  {
    name: 'Telegram bot token',
    pattern: '\\d{8,10}:AA[A-Za-z0-9_-]{33}',
    triggers: [':AA'],
    // The bot id before the colon is a plain number (`7012345678` holds a run); the secret is after it.
    body: (token) => token.slice(token.indexOf(':') + 1),
  },
  {
    // `-us` and the data-centre number: `en-us` in locale strings does not open the gate.
    name: 'Mailchimp API key',
    pattern: '[0-9a-f]{32}-us\\d{1,2}',
    triggers: [...'0123456789'].map((digit) => `-us${digit}`),
    body: (token) => token.slice(0, 32),
  },
  {
    // Okta's API tokens (`00` and 40 characters) carry no prefix of their own: only after the
    // `SSWS` scheme of an Authorization header (`Authorization: SSWS 00...`, or the header's
    // value in parsed JSON), which the lookbehind reads and the secret leaves out.
    name: 'Okta API token',
    pattern: '(?<=\\bSSWS[ \\t]{1,4})00[A-Za-z0-9_-]{40}',
    token: '00[A-Za-z0-9_-]{40}',
    triggers: ['SSWS'],
    body: (token) => token.slice(2),
    minKinds: 2,
  },
  {
    // Firebase Cloud Messaging legacy server keys: an `AAAA` sender part, then `:APA91b` and the key.
    name: 'Firebase Cloud Messaging server key',
    pattern: 'AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{130,140}',
    triggers: [':APA91b'],
    body: (token) => token.slice(token.indexOf(':APA91b') + 7),
    minKinds: 3,
  },
  {
    name: 'Discord or Teams webhook URL',
    pattern:
      'https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/\\d{17,20}/[A-Za-z0-9_-]{60,68}|https://[a-z0-9-]{1,60}\\.webhook\\.office\\.com/webhookb2/[A-Za-z0-9@/-]{60,200}',
    triggers: ['/api/webhooks/', '.webhook.office.com/webhookb2/'],
  },
];

function alternation(providers: readonly { readonly pattern: string }[]): RegExp {
  return new RegExp(`\\b(?:${providers.map((p) => p.pattern).join('|')})(?![A-Za-z0-9_-])`, 'g');
}

export const SAAS_TOKEN_PATTERN = alternation(PROVIDERS);

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TRIGGERS = [...new Set(PROVIDERS.flatMap((p) => p.triggers))].sort((a, b) => b.length - a.length);
/**
 * Every trigger, longest first: at a position where several start, the one found is the longest,
 * and the others there are its prefixes (PROVIDERS_AT).
 */
const ANY_TRIGGER = new RegExp(TRIGGERS.map(escapeRegex).join('|'), 'g');
/** Per trigger, the providers of every trigger that starts it (itself included). */
const PROVIDERS_AT = new Map(
  TRIGGERS.map((trigger) => [
    trigger,
    PROVIDERS.flatMap((provider, index) =>
      provider.triggers.some((other) => trigger.startsWith(other)) ? [index] : [],
    ),
  ]),
);
/** Narrowed patterns by the providers they hold (indexes joined by commas); bounded. */
const NARROWED = new Map<string, RegExp>();
const MAX_NARROWED = 256;

/**
 * SAAS_TOKEN_PATTERN narrowed to the providers whose triggers `text` holds, or null when it holds
 * none. A provider's token always holds one of its triggers, so the alternatives dropped could not
 * match anywhere in `text` and the narrowed pattern finds exactly the same tokens; V8 scans an
 * alternation of one or two prefixes several times faster than one of forty.
 */
export function saasPatternFor(text: string): RegExp | null {
  const present = new Set<number>();
  ANY_TRIGGER.lastIndex = 0;
  // Overlapping search: the next try starts one past the last hit, not after it.
  for (let m = ANY_TRIGGER.exec(text); m !== null; m = ANY_TRIGGER.exec(text)) {
    for (const index of PROVIDERS_AT.get(m[0])!) present.add(index);
    ANY_TRIGGER.lastIndex = m.index + 1;
  }
  ANY_TRIGGER.lastIndex = 0;
  if (present.size === 0) return null;
  const indexes = [...present].sort((a, b) => a - b);
  const key = indexes.join(',');
  let pattern = NARROWED.get(key);
  if (pattern === undefined) {
    pattern = alternation(indexes.map((index) => PROVIDERS[index]!));
    if (NARROWED.size >= MAX_NARROWED) NARROWED.clear();
    NARROWED.set(key, pattern);
  }
  return pattern;
}

/** Every provider's triggers: a value holding none of them holds no SaaS token. */
export const SAAS_TOKEN_TRIGGERS: readonly string[] = PROVIDERS.flatMap((p) => p.triggers);

const ANCHORED = PROVIDERS.map((provider) => ({
  provider,
  regex: new RegExp(`^(?:${provider.token ?? provider.pattern})$`),
}));

function providerOf(token: string): Provider | undefined {
  return ANCHORED.find((p) => p.regex.test(token))?.provider;
}

/** The provider a matched token belongs to. */
export function saasProvider(token: string): string {
  return providerOf(token)?.name ?? 'API token of a SaaS provider';
}

/** The random part of a matched token, by its provider. */
export function saasTokenBody(token: string): string {
  return providerOf(token)?.body?.(token) ?? token;
}

/** The character kinds a matched token's body must mix, by its provider. */
export function saasMinKinds(token: string): number {
  return providerOf(token)?.minKinds ?? 1;
}
