import { z } from 'zod';
import {
  type ApiKey,
  AuthError,
  ConflictError,
  digestsEqual,
  hashSecret,
  isId,
  NotFoundError,
  newId,
  type Principal,
  ReadCache,
  ROLES,
  randomAlphanumeric,
  randomSecret,
  ValidationError,
  zodDetails,
} from '../core/index.js';
import type { ApiKeyRecord, Store } from '../store/index.js';
import type { AuditLog } from './audit-log.js';
import { requireRole, SYSTEM_PRINCIPAL } from './permissions.js';

const KEY_PATTERN = /^msk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,128})$/;
/** Writing last-used on every request would turn every read into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
});

export interface CreatedApiKey {
  readonly apiKey: ApiKey;
  /** The full key: shown once, never stored. */
  readonly key: string;
}

/** Sentinel's own API keys: issue, check, list, revoke. */
export class ApiKeyService {
  /** Active keys by prefix: every request authenticates, and most of them carry the same few keys. */
  private readonly byPrefix: ReadCache<ApiKeyRecord>;
  /** When this node last wrote a key's last-used time (the cached record keeps the old one). */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly now: () => Date,
    cacheMs: number,
  ) {
    this.byPrefix = new ReadCache(cacheMs, 10_000, () => this.now().getTime());
  }

  /** Resolves a presented key to its principal; 401 for anything but an active key. */
  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) throw new AuthError('missing API key (Authorization: Bearer <key> or X-API-Key)');
    const match = KEY_PATTERN.exec(token);
    if (!match?.[1] || !match[2]) throw new AuthError('invalid API key');
    const prefix = match[1];
    const record = await this.byPrefix.get(prefix, () => this.store.apiKeys.findByPrefix(prefix));
    // Hash even when the prefix is unknown so a miss costs the same as a wrong secret.
    const presented = hashSecret(match[2]);
    if (record === null || !digestsEqual(presented, record.secretHash) || record.revokedAt !== null) {
      throw new AuthError('invalid API key');
    }
    const now = this.now();
    const lastUsed =
      this.touched.get(record.id) ?? (record.lastUsedAt === null ? 0 : Date.parse(record.lastUsedAt));
    if (now.getTime() - lastUsed > TOUCH_INTERVAL_MS) {
      this.touched.set(record.id, now.getTime());
      await this.store.apiKeys.touch(record.id, now.toISOString());
    }
    return { keyId: record.id, name: record.name, role: record.role };
  }

  async create(principal: Principal, input: unknown): Promise<CreatedApiKey> {
    requireRole(principal, 'admin');
    const parsed = apiKeyCreateSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError('invalid API key request', zodDetails(parsed.error));
    const prefix = randomAlphanumeric(12);
    const secret = randomSecret();
    const created = await this.insert(principal, parsed.data.name, parsed.data.role, prefix, secret);
    return { apiKey: created, key: `msk_${prefix}_${secret}` };
  }

  async list(principal: Principal): Promise<ApiKey[]> {
    requireRole(principal, 'admin');
    return this.store.apiKeys.list();
  }

  async revoke(principal: Principal, id: string): Promise<ApiKey> {
    requireRole(principal, 'admin');
    if (!isId(id)) throw new NotFoundError('API key');
    const record = await this.store.apiKeys.findById(id);
    if (record === null) throw new NotFoundError('API key');
    if (record.revokedAt !== null) throw new ConflictError('this API key is already revoked');
    if (record.role === 'admin' && (await this.activeAdminCount()) <= 1) {
      throw new ConflictError('cannot revoke the last active admin key; create another admin key first');
    }
    await this.store.apiKeys.revoke(id, this.now().toISOString());
    this.byPrefix.delete(record.prefix);
    await this.audit.record(principal, 'api_key.revoke', { type: 'api_key', id }, { name: record.name });
    const { secretHash: _hash, ...key } = (await this.store.apiKeys.findById(id)) ?? record;
    return key;
  }

  /**
   * First start: without any active key, create an admin key and return it (to print once).
   * A preset SENTINEL_ADMIN_KEY is registered if it is not there yet. Returns null when nothing was created.
   */
  async bootstrap(presetKey: string | null): Promise<{ key: string; preset: boolean } | null> {
    if (presetKey !== null) {
      const match = KEY_PATTERN.exec(presetKey);
      if (!match?.[1] || !match[2]) throw new ValidationError('SENTINEL_ADMIN_KEY is not a valid key');
      if ((await this.store.apiKeys.findByPrefix(match[1])) !== null) return null;
      await this.insert(SYSTEM_PRINCIPAL, 'admin (SENTINEL_ADMIN_KEY)', 'admin', match[1], match[2]);
      return { key: presetKey, preset: true };
    }
    if ((await this.activeAdminCount()) > 0) return null;
    const prefix = randomAlphanumeric(12);
    const secret = randomSecret();
    await this.insert(SYSTEM_PRINCIPAL, 'admin (first start)', 'admin', prefix, secret);
    return { key: `msk_${prefix}_${secret}`, preset: false };
  }

  private async activeAdminCount(): Promise<number> {
    return (await this.store.apiKeys.list()).filter((key) => key.role === 'admin' && key.revokedAt === null)
      .length;
  }

  private async insert(
    principal: Principal,
    name: string,
    role: ApiKey['role'],
    prefix: string,
    secret: string,
  ): Promise<ApiKey> {
    const apiKey: ApiKey = {
      id: newId(),
      name,
      role,
      prefix,
      createdAt: this.now().toISOString(),
      createdBy: principal.keyId === 'system' ? null : principal.keyId,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.store.apiKeys.create({ ...apiKey, secretHash: hashSecret(secret) });
    await this.audit.record(principal, 'api_key.create', { type: 'api_key', id: apiKey.id }, { name, role });
    return apiKey;
  }
}
