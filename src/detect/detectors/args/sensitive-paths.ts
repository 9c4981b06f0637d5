/**
 * Files whose reading or writing is an attack in itself: credentials, private keys, password
 * hashes (critical), and the system files a traversal probes for (high). Patterns run on a path
 * from `resolvePath` (lowercase, `/` separators, home written `/~`). `rooted` patterns only count
 * for paths that start at a root, so `fixtures/etc/passwd` in a project stays ordinary.
 */

export interface SensitivePath {
  readonly pattern: RegExp;
  readonly what: string;
  readonly rooted?: boolean;
  /** Programs that read the file in their ordinary work: a shell command of theirs naming it is no leak. */
  readonly owners?: readonly string[];
}

/** Credentials and secrets: reading them hands an attacker access. */
export const CREDENTIAL_PATHS: readonly SensitivePath[] = [
  {
    pattern: /^\/etc\/(?:g?shadow|master\.passwd|security\/opasswd)-?$/,
    what: 'password hashes',
    rooted: true,
  },
  { pattern: /^\/etc\/sudoers(?:\.d\/.*)?$/, what: 'sudo configuration', rooted: true },
  { pattern: /^\/etc\/ssh\/ssh_host_\w+_key$/, what: 'SSH host private key', rooted: true },
  { pattern: /^\/etc\/ssl\/private\//, what: 'TLS private key', rooted: true },
  { pattern: /^\/proc\/(?:self|thread-self|\d+)\/environ$/, what: 'process environment', rooted: true },
  {
    pattern: /(?:^|\/)\.ssh\/(?:id_[\w-]+|identity|[\w-]+_key|[\w-]+\.pem|authorized_keys2?)$/,
    what: 'SSH key',
  },
  { pattern: /(?:^|\/)id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/, what: 'SSH private key' },
  { pattern: /(?:^|\/)\.(?:ssh|gnupg|aws)\/?$/, what: 'credential directory' },
  { pattern: /(?:^|\/)\.aws\/(?:credentials|config|sso\/cache\/.*)$/, what: 'AWS credentials' },
  { pattern: /(?:^|\/)\.config\/gcloud(?:\/|$)/, what: 'Google Cloud credentials' },
  { pattern: /(?:^|\/)application_default_credentials\.json$/, what: 'Google Cloud credentials' },
  { pattern: /(?:^|\/)\.azure(?:\/|$)/, what: 'Azure credentials' },
  { pattern: /(?:^|\/)\.kube\/config$/, what: 'Kubernetes credentials' },
  {
    pattern: /^\/etc\/kubernetes\/(?:super-)?(?:admin|kubelet|controller-manager|scheduler)\.conf$/,
    what: 'Kubernetes cluster credentials',
    rooted: true,
  },
  { pattern: /(?:^|\/)library\/keychains(?:\/|$)/, what: 'macOS keychain' },
  /** The kubelet's client certificate and key (`kubelet-client-current.pem`) authenticate the node to the API server. */
  {
    pattern: /^\/var\/lib\/kubelet\/(?:pki(?:\/|$)|kubeconfig$)/,
    what: 'Kubernetes node credentials',
    rooted: true,
  },
  /** KeePass databases and 1Password vaults (`.opvault` and `.1pif` export directories and what they hold). */
  { pattern: /\.(?:kdbx|opvault|1pif)(?:\/|$)/, what: 'password manager database' },
  /**
   * VS Code and its forks keep extension secrets and sign-in tokens in `globalStorage/state.vscdb`
   * (Linux `~/.config/<app>/User`, macOS `~/Library/Application Support/<app>/User`, Windows
   * `%APPDATA%\<app>\User`): the app directory and `user/globalstorage` pin it, settings files stay out.
   */
  {
    pattern:
      /(?:^|\/)(?:code|code - insiders|vscodium|cursor|windsurf)\/user\/globalstorage\/state\.vscdb(?:\.backup)?$/,
    what: 'editor secret storage (extension tokens)',
  },
  { pattern: /^\/(?:var\/)?run\/secrets\//, what: 'mounted container secrets', rooted: true },
  { pattern: /(?:^|\/)\.docker\/config\.json$/, what: 'Docker registry credentials' },
  /*
   * Docker keeps each container's config (`config.v2.json`: its whole environment, secrets
   * included) and its logs under `containers/<id>/`, readable by root only: the directory and
   * everything in it count, the rest of `/var/lib/docker` (images, volumes) does not. Rootful,
   * rootless (`~/.local/share/docker`) and Windows (`C:\ProgramData\docker`) data roots.
   */
  {
    pattern: /^\/(?:var\/lib|~\/\.local\/share|programdata)\/docker\/containers(?:\/|$)/,
    what: 'Docker container configuration (environment and secrets)',
    rooted: true,
  },
  { pattern: /(?:^|\/)\.git-credentials$/, what: 'git credentials' },
  { pattern: /(?:^|\/)[._]netrc$/, what: 'netrc credentials' },
  { pattern: /(?:^|\/)\.(?:npmrc|pypirc|pgpass|my\.cnf|vault-token|htpasswd)$/, what: 'stored credentials' },
  { pattern: /(?:^|\/)\.config\/gh\/hosts\.yml$/, what: 'GitHub CLI token' },
  { pattern: /(?:^|\/)\.terraform\.d\/credentials\.tfrc\.json$/, what: 'Terraform credentials' },
  /** State files (and the backups Terraform writes beside them) hold every resource's secrets in clear. */
  {
    pattern: /\.tfstate(?:\.\d+)?(?:\.backup)?$/,
    what: 'Terraform state',
    owners: ['terraform', 'tofu', 'terragrunt'],
  },
  { pattern: /(?:^|\/)\.gnupg\/(?:private-keys|secring|trustdb|pubring\.kbx)/, what: 'GnuPG keyring' },
  { pattern: /(?:^|\/)\.(?:bash|zsh|sh|psql|mysql|python)_history$/, what: 'shell history' },
  { pattern: /(?:^|\/)\.env(?:\.[\w.-]+)?$/, what: 'environment file' },
  {
    pattern: /(?:^|\/)(?:login data|logins\.json|key[34]\.db|cookies\.sqlite)$/,
    what: 'browser credentials',
  },
  { pattern: /(?:^|\/)wp-config\.php$/, what: 'WordPress database credentials' },
  {
    pattern:
      /(?:^|\/)(?:\.cursor\/mcp\.json|claude\/claude_desktop_config\.json|\.claude\/\.credentials\.json|\.codeium\/windsurf\/mcp_config\.json|github-copilot\/(?:hosts|apps)\.json|\.continue\/config\.(?:json|yaml))$/,
    what: 'AI agent configuration with tokens',
  },
  {
    pattern: /^\/windows\/(?:system32\/config|repair)\/(?:sam|system|security)(?:\.bak)?$/,
    what: 'Windows SAM',
  },
  { pattern: /(?:^|\/)ntds\.dit$/, what: 'Active Directory database' },
  /** A deployed IIS site's `web.config` holds its connection strings and machine key; a project's copy is source. */
  {
    pattern: /^\/(?:inetpub\/.*\/web\.config|windows\/system32\/inetsrv\/config\/applicationhost\.config)$/,
    what: 'IIS configuration (connection strings, machine key)',
    rooted: true,
  },
  {
    pattern: /(?:^|\/)appdata\/(?:roaming|local)\/microsoft\/(?:credentials|protect)(?:\/|$)/,
    what: 'Windows credentials',
  },
  { pattern: /(?:^|\/)(?:panther\/)?unattend(?:ed)?\.xml$/, what: 'Windows setup credentials', rooted: true },
];

const TEMPLATE_WORDS: ReadonlySet<string> = new Set(
  'example sample template dist default defaults schema tpl'.split(' '),
);

function isNameChar(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 97 && lower <= 122) || (code >= 48 && code <= 57) || code === 95 || code === 45;
}

/**
 * Template env files hold no secrets: `.env.example` is committed on purpose. True when a `.env`
 * is followed by dotted name segments one of which is a template word followed by a dot or the
 * end (`.env.local.example`, `.env.sample.bak`). Read segment by segment, each chain once: the
 * regex it replaces, `\.env(?:\.[\w-]+)*\.(?:example|...)(?:\.|$)`, re-read the chain from every
 * `.env` inside it (a token of `.env` repeated was quadratic).
 */
export function isTemplateEnv(path: string): boolean {
  for (let at = path.indexOf('.env'); at !== -1; ) {
    let i = at + 4;
    while (path.charCodeAt(i) === 46) {
      let end = i + 1;
      while (end < path.length && isNameChar(path.charCodeAt(end))) end++;
      if (end === i + 1) break;
      if ((end === path.length || path.charCodeAt(end) === 46) && TEMPLATE_WORDS.has(path.slice(i + 1, end)))
        return true;
      i = end;
    }
    // A `.env` inside the chain just read starts a suffix of it: nothing new there.
    at = path.indexOf('.env', Math.max(at + 1, i));
  }
  return false;
}

/** System files a traversal probes for, suspicious even when named directly; only rooted paths count. */
export const SYSTEM_PATHS: readonly SensitivePath[] = [
  { pattern: /^\/etc\/(?:passwd|group)$/, what: 'system account list', rooted: true },
  { pattern: /^\/proc\/(?:self|thread-self|\d+)\//, what: 'process information', rooted: true },
  { pattern: /(?:^|\/)(?:win\.ini|boot\.ini|system\.ini)$/, what: 'Windows system file', rooted: true },
];

/** System directories: reaching one by climbing with `..` is traversal, whatever the file. */
export const SYSTEM_DIRS =
  /^\/(?:etc|proc|sys|root|boot|dev|var\/log|var\/run|windows|winnt|inetpub)(?:\/|$)/;

/** Every entry above needs one of these in the path; a path without any is not resolved further. */
export const SENSITIVE_HINT =
  /etc[/\\]|proc[/\\]|\.ssh|id_|\.aws|gcloud|application_default|\.azure|\.kube|secrets|\.docker|credentials|netrc|\.npmrc|\.pypirc|\.pgpass|\.my\.cnf|vault-token|htpasswd|hosts\.yml|\.terraform|\.tfstate|docker[/\\]containers|\.gnupg|_history|\.env|login data|logins\.json|key[34]\.db|cookies\.sqlite|wp-config|system32|repair|inetpub|ntds|appdata|unattend|\.ini|mcp|claude|copilot|\.continue|keychains|kubelet|\.kdbx|\.opvault|\.1pif|\.vscdb|\.\./i;

/** SENSITIVE_HINT for scanning a whole value (global). */
export const SENSITIVE_ANCHOR = new RegExp(SENSITIVE_HINT.source, 'gi');

/**
 * All patterns of a list as one alternation (they carry no flags), so a path that matches none,
 * which is almost every path, costs one regex test instead of one per entry.
 */
const UNIONS = new WeakMap<readonly SensitivePath[], RegExp>();

function unionOf(list: readonly SensitivePath[]): RegExp {
  let union = UNIONS.get(list);
  if (!union) {
    if (list.some((entry) => entry.pattern.flags !== ''))
      throw new Error('sensitive path patterns take no flags');
    union = new RegExp(list.map((entry) => `(?:${entry.pattern.source})`).join('|'));
    UNIONS.set(list, union);
  }
  return union;
}

/** The first entry a resolved path matches, if any. */
export function matchSensitive(
  list: readonly SensitivePath[],
  path: string,
  rooted: boolean,
): SensitivePath | null {
  if (!unionOf(list).test(path)) return null;
  for (const entry of list) {
    if (entry.rooted && !rooted) continue;
    if (entry.pattern.test(path)) return entry;
  }
  return null;
}
