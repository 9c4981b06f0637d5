import { z } from 'zod';
import {
  isId,
  NotFoundError,
  type Principal,
  ReadCache,
  type SecretBox,
  ValidationError,
  zodDetails,
} from '../core/index.js';
import type { Store } from '../store/index.js';
import type { AuditLog } from './audit-log.js';
import { requireRole } from './permissions.js';

export interface UpstreamHeader {
  readonly name: string;
  readonly value: string;
}

/** Headers Sentinel itself sets toward the upstream; a credential may not impersonate them. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-type',
  'content-length',
  'accept',
  'connection',
  'cookie',
  'mcp-session-id',
  'mcp-protocol-version',
  'last-event-id',
  'transfer-encoding',
]);

export const upstreamAuthSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bearer'), token: z.string().min(1).max(8192) }),
  z.strictObject({
    type: z.literal('header'),
    name: z
      .string()
      .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be an HTTP header name')
      .max(128)
      .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), 'this header is set by the gateway'),
    value: z
      .string()
      .min(1)
      .max(8192)
      .regex(/^[\t\x20-\x7e]+$/, 'must be printable ASCII'),
  }),
  z.strictObject({ type: z.literal('none') }),
]);

/** What the API shows about an upstream credential: its kind, never the secret. */
export interface UpstreamAuthView {
  readonly type: 'bearer' | 'header' | 'none';
  readonly headerName: string | null;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

/** The credential Sentinel presents to each server's upstream, sealed at rest with the app key. */
export class UpstreamAuthService {
  /** Each server's header as the gateway sends it; "none" is kept too (a wrapper, never null). */
  private readonly headers: ReadCache<{ readonly header: UpstreamHeader | null }>;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly secretBox: SecretBox,
    private readonly now: () => Date,
    cacheMs: number,
  ) {
    this.headers = new ReadCache(cacheMs, 10_000, () => this.now().getTime());
  }

  async get(principal: Principal, serverId: string): Promise<UpstreamAuthView> {
    requireRole(principal, 'viewer');
    await this.requireServer(serverId);
    const record = await this.store.upstreamCredentials.find(serverId);
    if (record === null) return { type: 'none', headerName: null, updatedAt: null, updatedBy: null };
    return {
      type: record.kind,
      headerName: record.headerName,
      updatedAt: record.updatedAt,
      updatedBy: record.updatedBy,
    };
  }

  async set(principal: Principal, serverId: string, input: unknown): Promise<UpstreamAuthView> {
    requireRole(principal, 'admin');
    await this.requireServer(serverId);
    const parsed = upstreamAuthSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError('invalid upstream auth', zodDetails(parsed.error));
    const auth = parsed.data;
    if (auth.type === 'none') {
      await this.store.upstreamCredentials.delete(serverId);
      this.headers.delete(serverId);
    } else {
      const headerName = auth.type === 'bearer' ? 'Authorization' : auth.name;
      const secret = auth.type === 'bearer' ? `Bearer ${auth.token}` : auth.value;
      await this.store.upstreamCredentials.upsert({
        serverId,
        kind: auth.type,
        headerName,
        secretEncrypted: this.secretBox.seal(secret),
        updatedAt: this.now().toISOString(),
        updatedBy: `${principal.name} (${principal.keyId})`,
      });
      this.headers.delete(serverId);
    }
    // The audit entry names the kind and header, never the value.
    await this.audit.record(
      principal,
      'server.upstream_auth',
      { type: 'server', id: serverId },
      { type: auth.type, ...(auth.type === 'header' ? { header: auth.name } : {}) },
    );
    return this.get(principal, serverId);
  }

  /** The header to send upstream, decrypted; only the gateway calls this. */
  async headerFor(serverId: string): Promise<UpstreamHeader | null> {
    const found = await this.headers.get(serverId, async () => {
      const record = await this.store.upstreamCredentials.find(serverId);
      if (record === null) return { header: null };
      return { header: { name: record.headerName, value: this.secretBox.open(record.secretEncrypted) } };
    });
    return found?.header ?? null;
  }

  private async requireServer(serverId: string): Promise<void> {
    if (!isId(serverId) || (await this.store.servers.findById(serverId)) === null)
      throw new NotFoundError('server');
  }
}
