import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== ''),
);

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Every setting, keyed by its environment variable. The README's settings table mirrors this list;
 * `describeSettings()` keeps the two honest (a test compares them).
 */
const settingsSchema = z.object({
  SENTINEL_HOST: z.string().min(1).default('127.0.0.1'),
  SENTINEL_PORT: int(0, 65535).default(8787),
  SENTINEL_DATA_DIR: z.string().min(1).default('./data'),
  SENTINEL_DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  SENTINEL_ADMIN_KEY: z
    .string()
    .regex(/^msk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{32,}$/, 'must look like msk_<12 alphanumerics>_<32+ chars>')
    .optional(),
  SENTINEL_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  SENTINEL_MAX_BODY_BYTES: int(1024, 1024 * 1024 * 1024).default(5 * 1024 * 1024),
  SENTINEL_WEBHOOK_RATE_LIMIT: int(0, 100_000_000).default(60_000),
  SENTINEL_WEBHOOK_RATE_WINDOW_SECONDS: int(1, 3600).default(60),
  SENTINEL_SIGNATURE_TOLERANCE_SECONDS: int(1, 3600).default(300),
  SENTINEL_TRUST_PROXY: csv.default([]),
  SENTINEL_CLIENT_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/i, 'must be a header name')
    .transform((value) => value.toLowerCase())
    .default('x-forwarded-for'),
  SENTINEL_RULES_DIR: z.string().min(1).optional(),
  SENTINEL_ALERT_WINDOW_MINUTES: int(1, 10_080).default(60),
  SENTINEL_STORE_SECRETS: z.enum(['masked', 'clear']).default('masked'),
  SENTINEL_RATE_SPIKE_PER_MINUTE: int(0, 10_000_000).default(600),
  SENTINEL_PG_POOL_SIZE: int(1, 200).default(10),
  SENTINEL_SQLITE_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  SENTINEL_SHUTDOWN_TIMEOUT_SECONDS: int(1, 600).default(30),
  SENTINEL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SENTINEL_LOG_REQUESTS: bool.default(false),
  SENTINEL_TLS_CERT: z.string().min(1).optional(),
  SENTINEL_TLS_KEY: z.string().min(1).optional(),
  SENTINEL_ENABLE_WRITE_OPS: bool.default(true),
  SENTINEL_MCP_TOOLSETS: csv.default([]),
  SENTINEL_MCP_MODE: z.enum(['full', 'compact']).default('full'),
  SENTINEL_MCP_ROLE: z.enum(['viewer', 'responder', 'admin']).default('admin'),
  SENTINEL_ALLOWED_ORIGINS: csv.default([]),
  SENTINEL_APPROVAL_TIMEOUT_SECONDS: int(1, 86_400).default(120),
  SENTINEL_GATEWAY_UPSTREAM_TIMEOUT_SECONDS: int(1, 3600).default(60),
  SENTINEL_GATEWAY_SESSION_IDLE_MINUTES: int(1, 10_080).default(60),
  SENTINEL_READ_CACHE_MS: int(0, 60_000).default(1000),
  SENTINEL_HUNT_TIMEOUT_SECONDS: int(1, 3600).default(30),
  SENTINEL_HUNT_MAX_ROWS: int(1, 1_000_000).default(10_000),
  SENTINEL_PROXY_FAIL_MODE: z.enum(['closed', 'open']).default('closed'),
  SENTINEL_PROXY_HIDE_CHANGED_TOOLS: bool.default(false),
  SENTINEL_PROXY_UPSTREAM_TIMEOUT_SECONDS: int(0, 86_400).default(300),
  SENTINEL_ANALYTICS_TICK_SECONDS: int(0, 3600).default(30),
  SENTINEL_RETENTION_DAYS: int(0, 36_500).default(0),
  SENTINEL_DETECTION_THREADS: int(0, 64).default(1),
});

type Settings = z.output<typeof settingsSchema>;

/** One line per setting for docs and `mcp-sentinel config`: name, default, meaning. */
export const SETTING_DESCRIPTIONS: Readonly<Record<keyof Settings | 'SENTINEL_CONFIG_FILE', string>> = {
  SENTINEL_CONFIG_FILE:
    'Optional JSON file with any of these settings (`{"SENTINEL_PORT": 9000}`); env vars win.',
  SENTINEL_HOST: 'Interface the API, webhook and dashboard listen on.',
  SENTINEL_PORT: 'Port they listen on (0 picks a free one).',
  SENTINEL_DATA_DIR: 'Folder for the SQLite file and the generated secret key.',
  SENTINEL_DATABASE_URL:
    'Unset: SQLite at `<data dir>/sentinel.db`. `postgres://user@host/db` switches to PostgreSQL; `sqlite:/path/file.db` picks another SQLite file.',
  SENTINEL_ADMIN_KEY: 'Presets the first admin key (for scripts) instead of generating and printing one.',
  SENTINEL_SECRET_KEY:
    'Key (64 hex) that encrypts stored webhook HMAC secrets. With SQLite it is generated into the data dir when unset; with PostgreSQL every node needs the same one, so it is required.',
  SENTINEL_MAX_BODY_BYTES: 'Largest webhook body, compressed and decompressed (413 above it).',
  SENTINEL_WEBHOOK_RATE_LIMIT:
    'Webhook requests allowed per server per window (429 above it); 0 turns the limit off.',
  SENTINEL_WEBHOOK_RATE_WINDOW_SECONDS: 'Length of the rate-limit window.',
  SENTINEL_SIGNATURE_TOLERANCE_SECONDS:
    'How far `X-Sentinel-Timestamp` may be from now for a signature to count.',
  SENTINEL_TRUST_PROXY:
    'Comma-separated IPs/CIDRs of reverse proxies whose client-IP header is believed (for IP allowlists).',
  SENTINEL_CLIENT_IP_HEADER:
    'Header a trusted proxy puts the client IP in (`x-forwarded-for`, `x-real-ip`, ...).',
  SENTINEL_RULES_DIR: 'Folder of your own rule files (YAML or JSON), loaded beside the built-in catalogue.',
  SENTINEL_ALERT_WINDOW_MINUTES:
    'Findings of one rule on one server for one user within this many minutes join one alert.',
  SENTINEL_STORE_SECRETS:
    '`masked` stores secrets found in events masked with a fingerprint; `clear` (an explicit opt-out) keeps them as received.',
  SENTINEL_RATE_SPIKE_PER_MINUTE:
    'Events per minute from one user, agent or server that raise a rate-spike finding; 0 turns it off.',
  SENTINEL_PG_POOL_SIZE: 'PostgreSQL connections per node.',
  SENTINEL_SQLITE_SYNCHRONOUS:
    '`full` fsyncs every commit (survives power loss); `normal` survives process crashes only.',
  SENTINEL_SHUTDOWN_TIMEOUT_SECONDS: 'On SIGTERM, how long in-flight requests get to finish.',
  SENTINEL_LOG_LEVEL: 'Log level (logs are JSON on stderr).',
  SENTINEL_LOG_REQUESTS: 'Log every HTTP request.',
  SENTINEL_TLS_CERT: 'PEM certificate file; with `SENTINEL_TLS_KEY` set too, `serve` speaks HTTPS only.',
  SENTINEL_TLS_KEY: 'PEM private key file for `SENTINEL_TLS_CERT`.',
  SENTINEL_ENABLE_WRITE_OPS:
    "`false` removes every write tool (comment, transition, configure, purge, ...) from Sentinel's MCP server: they are not even listed.",
  SENTINEL_MCP_TOOLSETS:
    'Comma-separated tool groups Sentinel\'s MCP server exposes (`alerts,hunting`); unset exposes all (see "Sentinel\'s MCP server").',
  SENTINEL_MCP_MODE:
    '`full` lists every permitted tool; `compact` lists at most 25 (the everyday ones plus `search_tools` and `call_tool`, which reach the rest).',
  SENTINEL_MCP_ROLE:
    'Role of the local caller of `mcp-sentinel mcp` (stdio): `admin` (whoever runs it can open the database anyway), or `responder`/`viewer` to narrow it.',
  SENTINEL_ALLOWED_ORIGINS:
    "Comma-separated browser origins (`https://app.example.com`) allowed to call the MCP gateway and Sentinel's MCP server (`/mcp`, CORS); a request with any other `Origin` gets 403, one without `Origin` (not a browser) is allowed.",
  SENTINEL_APPROVAL_TIMEOUT_SECONDS:
    'How long a call held by an `approve` rule waits for an admin decision before it is denied.',
  SENTINEL_GATEWAY_UPSTREAM_TIMEOUT_SECONDS:
    'How long the HTTP gateway waits for an upstream MCP server to answer before it returns a JSON-RPC error.',
  SENTINEL_GATEWAY_SESSION_IDLE_MINUTES:
    'An HTTP gateway session unused this long expires (the client gets 404 and re-initializes).',
  SENTINEL_READ_CACHE_MS:
    'How long a node reuses the API keys, servers, upstream credentials and gateway sessions it read (every request needs them). A change made on this node applies at once, one made on another node within this time; 0 reads the store every time.',
  SENTINEL_HUNT_TIMEOUT_SECONDS:
    'A hunting (KQL) query running longer is stopped and answered with `hunt_timeout` (422).',
  SENTINEL_HUNT_MAX_ROWS: 'Most rows a hunting query returns; more are cut off and flagged `truncated`.',
  SENTINEL_PROXY_FAIL_MODE:
    'When detection itself fails in the proxy: `closed` refuses the call or result with an error, `open` lets it through unchecked.',
  SENTINEL_PROXY_HIDE_CHANGED_TOOLS:
    '`true`: a tool whose definition changed since it was pinned is removed from `tools/list` and calls to it are blocked until an admin approves it.',
  SENTINEL_PROXY_UPSTREAM_TIMEOUT_SECONDS:
    'The stdio proxy answers a request the MCP server has not answered in this many seconds with a JSON-RPC error (0 waits forever).',
  SENTINEL_ANALYTICS_TICK_SECONDS:
    'How often `serve` looks for due analytics rules (one node at a time runs them, by a lease in the store); 0 turns the scheduler off on this node.',
  SENTINEL_RETENTION_DAYS:
    'Events older than this many days are deleted with their findings by an hourly job in `serve` (one node at a time, by a lease); 0 keeps events forever.',
  SENTINEL_DETECTION_THREADS:
    'Worker threads that run the detection engine for ingest batches of 16 events or more, so another core shares the work; 0 detects every batch on the main thread.',
};

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

/** The validated configuration every part receives from the composition root. */
export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly adminKey: string | null;
  readonly secretKey: string | null;
  readonly maxBodyBytes: number;
  readonly webhookRateLimit: { readonly limit: number; readonly windowSeconds: number };
  readonly signatureToleranceSeconds: number;
  readonly trustProxy: readonly string[];
  readonly clientIpHeader: string;
  readonly rulesDir: string | null;
  readonly alertWindowMinutes: number;
  readonly storeSecrets: 'masked' | 'clear';
  readonly rateSpikePerMinute: number;
  readonly pgPoolSize: number;
  readonly sqliteSynchronous: 'full' | 'normal';
  readonly shutdownTimeoutSeconds: number;
  readonly logLevel: Settings['SENTINEL_LOG_LEVEL'];
  readonly logRequests: boolean;
  /** PEM files for HTTPS, or null for plain HTTP. */
  readonly tls: { readonly certPath: string; readonly keyPath: string } | null;
  /** Sentinel's own MCP server. */
  readonly mcp: {
    readonly enableWriteOps: boolean;
    readonly toolsets: readonly string[];
    readonly mode: 'full' | 'compact';
    readonly stdioRole: 'viewer' | 'responder' | 'admin';
  };
  readonly allowedOrigins: readonly string[];
  readonly approvalTimeoutSeconds: number;
  readonly gatewayUpstreamTimeoutSeconds: number;
  readonly gatewaySessionIdleMinutes: number;
  /** Milliseconds a node reuses the keys, servers, credentials and gateway sessions it read; 0: never. */
  readonly readCacheMs: number;
  /** Hunting (KQL): statement time limit and row limit. */
  readonly hunt: { readonly timeoutSeconds: number; readonly maxRows: number };
  readonly proxyFailMode: 'closed' | 'open';
  readonly proxyHideChangedTools: boolean;
  readonly proxyUpstreamTimeoutSeconds: number;
  /** Seconds between analytics scheduler ticks; 0: this node never runs analytics rules. */
  readonly analyticsTickSeconds: number;
  /** Days events are kept; 0 keeps them forever. */
  readonly retentionDays: number;
  /** Worker threads for the detection engine on ingest batches; 0: detect on the main thread. */
  readonly detectionThreads: number;
}

export class ConfigError extends Error {}

/** Reads SENTINEL_* from `env` (and the optional config file); throws ConfigError naming each bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const merged: Record<string, unknown> = { ...readConfigFile(env['SENTINEL_CONFIG_FILE'], cwd) };
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('SENTINEL_') && value !== undefined && value !== '') merged[key] = value;
  }
  const stringified = Object.fromEntries(
    Object.entries(merged).map(([key, value]) => [key, typeof value === 'string' ? value : String(value)]),
  );
  const parsed = settingsSchema.safeParse(stringified);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return toConfig(parsed.data, cwd);
}

function readConfigFile(path: string | undefined, cwd: string): Record<string, unknown> {
  if (path === undefined || path === '') return {};
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new ConfigError(`SENTINEL_CONFIG_FILE: cannot read ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`SENTINEL_CONFIG_FILE: ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`SENTINEL_CONFIG_FILE: ${path} must hold a JSON object of SENTINEL_* settings`);
  }
  const unknown = Object.keys(value).filter((key) => !(key in SETTING_DESCRIPTIONS));
  if (unknown.length > 0)
    throw new ConfigError(`SENTINEL_CONFIG_FILE: unknown settings ${unknown.join(', ')}`);
  return value as Record<string, unknown>;
}

function toConfig(settings: Settings, cwd: string): Config {
  const dataDir = resolve(cwd, settings.SENTINEL_DATA_DIR);
  return {
    host: settings.SENTINEL_HOST,
    port: settings.SENTINEL_PORT,
    dataDir,
    database: databaseConfig(settings.SENTINEL_DATABASE_URL, dataDir, cwd),
    adminKey: settings.SENTINEL_ADMIN_KEY ?? null,
    secretKey: settings.SENTINEL_SECRET_KEY?.toLowerCase() ?? null,
    maxBodyBytes: settings.SENTINEL_MAX_BODY_BYTES,
    webhookRateLimit: {
      limit: settings.SENTINEL_WEBHOOK_RATE_LIMIT,
      windowSeconds: settings.SENTINEL_WEBHOOK_RATE_WINDOW_SECONDS,
    },
    signatureToleranceSeconds: settings.SENTINEL_SIGNATURE_TOLERANCE_SECONDS,
    trustProxy: settings.SENTINEL_TRUST_PROXY,
    clientIpHeader: settings.SENTINEL_CLIENT_IP_HEADER,
    rulesDir: settings.SENTINEL_RULES_DIR === undefined ? null : resolve(cwd, settings.SENTINEL_RULES_DIR),
    alertWindowMinutes: settings.SENTINEL_ALERT_WINDOW_MINUTES,
    storeSecrets: settings.SENTINEL_STORE_SECRETS,
    rateSpikePerMinute: settings.SENTINEL_RATE_SPIKE_PER_MINUTE,
    pgPoolSize: settings.SENTINEL_PG_POOL_SIZE,
    sqliteSynchronous: settings.SENTINEL_SQLITE_SYNCHRONOUS,
    shutdownTimeoutSeconds: settings.SENTINEL_SHUTDOWN_TIMEOUT_SECONDS,
    logLevel: settings.SENTINEL_LOG_LEVEL,
    logRequests: settings.SENTINEL_LOG_REQUESTS,
    tls: tlsConfig(settings.SENTINEL_TLS_CERT, settings.SENTINEL_TLS_KEY, cwd),
    mcp: {
      enableWriteOps: settings.SENTINEL_ENABLE_WRITE_OPS,
      toolsets: settings.SENTINEL_MCP_TOOLSETS,
      mode: settings.SENTINEL_MCP_MODE,
      stdioRole: settings.SENTINEL_MCP_ROLE,
    },
    allowedOrigins: settings.SENTINEL_ALLOWED_ORIGINS,
    approvalTimeoutSeconds: settings.SENTINEL_APPROVAL_TIMEOUT_SECONDS,
    gatewayUpstreamTimeoutSeconds: settings.SENTINEL_GATEWAY_UPSTREAM_TIMEOUT_SECONDS,
    gatewaySessionIdleMinutes: settings.SENTINEL_GATEWAY_SESSION_IDLE_MINUTES,
    readCacheMs: settings.SENTINEL_READ_CACHE_MS,
    hunt: {
      timeoutSeconds: settings.SENTINEL_HUNT_TIMEOUT_SECONDS,
      maxRows: settings.SENTINEL_HUNT_MAX_ROWS,
    },
    proxyFailMode: settings.SENTINEL_PROXY_FAIL_MODE,
    proxyHideChangedTools: settings.SENTINEL_PROXY_HIDE_CHANGED_TOOLS,
    proxyUpstreamTimeoutSeconds: settings.SENTINEL_PROXY_UPSTREAM_TIMEOUT_SECONDS,
    analyticsTickSeconds: settings.SENTINEL_ANALYTICS_TICK_SECONDS,
    retentionDays: settings.SENTINEL_RETENTION_DAYS,
    detectionThreads: settings.SENTINEL_DETECTION_THREADS,
  };
}

function tlsConfig(cert: string | undefined, key: string | undefined, cwd: string): Config['tls'] {
  if (cert === undefined && key === undefined) return null;
  if (cert === undefined || key === undefined) {
    throw new ConfigError('SENTINEL_TLS_CERT and SENTINEL_TLS_KEY must be set together');
  }
  return { certPath: resolve(cwd, cert), keyPath: resolve(cwd, key) };
}

function databaseConfig(url: string | undefined, dataDir: string, cwd: string): DatabaseConfig {
  if (url === undefined) return { kind: 'sqlite', path: resolve(dataDir, 'sentinel.db') };
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '') throw new ConfigError('SENTINEL_DATABASE_URL: sqlite: needs a file path');
    return { kind: 'sqlite', path: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  return { kind: 'postgres', url };
}
