import { z } from 'zod';
import {
  hashSecret as hashKey,
  isId,
  NotFoundError,
  newId,
  type Principal,
  ReadCache,
  randomSecret,
  type SecretBox,
  type Server,
  serverCreateSchema,
  serverUpdateSchema,
  ValidationError,
  zodDetails,
} from '../core/index.js';
import { cidrError } from '../ingest/index.js';
import type { ServerPatch, ServerRecord, Store } from '../store/index.js';
import type { AuditLog } from './audit-log.js';
import { requireRole } from './permissions.js';

/** Webhook credentials: returned when created or rotated, never again. */
export interface ServerCredentials {
  readonly apiKey?: string;
  readonly hmacSecret?: string;
}

export interface ServerWithCredentials {
  readonly server: Server;
  readonly webhookPath: string;
  readonly credentials: ServerCredentials;
}

const rotateSchema = z
  .strictObject({ apiKey: z.boolean().default(false), hmacSecret: z.boolean().default(false) })
  .refine((value) => value.apiKey || value.hmacSecret, 'name what to rotate: apiKey and/or hmacSecret');

export function webhookPath(serverId: string): string {
  return `/api/mcp/webhook/${serverId}`;
}

/** The server registry: each registered MCP server and how its webhook authenticates. */
export class ServerService {
  /** Records the webhook and the gateway read on every request. */
  private readonly records: ReadCache<ServerRecord>;

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly secretBox: SecretBox,
    private readonly now: () => Date,
    cacheMs: number,
  ) {
    this.records = new ReadCache(cacheMs, 10_000, () => this.now().getTime());
  }

  async create(principal: Principal, input: unknown): Promise<ServerWithCredentials> {
    requireRole(principal, 'admin');
    const parsed = serverCreateSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError('invalid server', zodDetails(parsed.error));
    const { auth, ...fields } = parsed.data;
    validateAllowlist(auth.ipAllowlist);
    const credentials: { apiKey?: string; hmacSecret?: string } = {};
    if (auth.apiKey) credentials.apiKey = `mss_${randomSecret()}`;
    if (auth.hmac) credentials.hmacSecret = `whsec_${randomSecret()}`;
    const at = this.now().toISOString();
    const record: ServerRecord = {
      id: newId(),
      name: fields.name,
      type: fields.type,
      endpointUrl: fields.endpointUrl ?? null,
      description: fields.description ?? null,
      tags: fields.tags,
      ...this.sealCredentials(credentials),
      ipAllowlist: auth.ipAllowlist,
      allowUnauthenticated: auth.allowUnauthenticated,
      createdAt: at,
      updatedAt: at,
    };
    requireSomeAuthentication(record);
    await this.store.servers.create(record);
    await this.audit.record(
      principal,
      'server.create',
      { type: 'server', id: record.id },
      { name: record.name },
    );
    return { server: toServer(record), webhookPath: webhookPath(record.id), credentials };
  }

  async list(principal: Principal): Promise<Server[]> {
    requireRole(principal, 'viewer');
    return (await this.store.servers.list()).map(toServer);
  }

  async get(principal: Principal, id: string): Promise<Server> {
    requireRole(principal, 'viewer');
    return toServer(await this.find(id));
  }

  async update(principal: Principal, id: string, input: unknown): Promise<ServerWithCredentials> {
    requireRole(principal, 'admin');
    const current = await this.find(id);
    const parsed = serverUpdateSchema.safeParse(input);
    if (!parsed.success) throw new ValidationError('invalid server update', zodDetails(parsed.error));
    const { auth, ...fields } = parsed.data;
    const credentials: { apiKey?: string; hmacSecret?: string } = {};
    const patch: { -readonly [K in keyof ServerPatch]: ServerPatch[K] } = {
      ...fields,
      updatedAt: this.now().toISOString(),
    };
    if (auth?.ipAllowlist !== undefined) {
      validateAllowlist(auth.ipAllowlist);
      patch.ipAllowlist = auth.ipAllowlist;
    }
    if (auth?.allowUnauthenticated !== undefined) patch.allowUnauthenticated = auth.allowUnauthenticated;
    if (auth?.apiKey === true && current.apiKeyHash === null) credentials.apiKey = `mss_${randomSecret()}`;
    if (auth?.hmac === true && current.hmacSecretEncrypted === null)
      credentials.hmacSecret = `whsec_${randomSecret()}`;
    Object.assign(patch, this.sealCredentials(credentials, false));
    if (auth?.apiKey === false) Object.assign(patch, { apiKeyHash: null, apiKeyPrefix: null });
    if (auth?.hmac === false) patch.hmacSecretEncrypted = null;
    requireSomeAuthentication({ ...current, ...patch });
    const updated = await this.store.servers.update(id, patch);
    this.records.delete(id);
    if (updated === null) throw new NotFoundError('server');
    await this.audit.record(
      principal,
      'server.update',
      { type: 'server', id },
      { fields: Object.keys(parsed.data) },
    );
    return { server: toServer(updated), webhookPath: webhookPath(id), credentials };
  }

  async rotateCredentials(principal: Principal, id: string, input: unknown): Promise<ServerWithCredentials> {
    requireRole(principal, 'admin');
    const current = await this.find(id);
    const parsed = rotateSchema.safeParse(input ?? {});
    if (!parsed.success) throw new ValidationError('invalid rotation request', zodDetails(parsed.error));
    const credentials: { apiKey?: string; hmacSecret?: string } = {};
    if (parsed.data.apiKey) credentials.apiKey = `mss_${randomSecret()}`;
    if (parsed.data.hmacSecret) credentials.hmacSecret = `whsec_${randomSecret()}`;
    const updated = await this.store.servers.update(id, {
      ...this.sealCredentials(credentials, false),
      updatedAt: this.now().toISOString(),
    });
    this.records.delete(id);
    if (updated === null) throw new NotFoundError('server');
    await this.audit.record(
      principal,
      'server.rotate_credentials',
      { type: 'server', id },
      {
        apiKey: parsed.data.apiKey,
        hmacSecret: parsed.data.hmacSecret,
        name: current.name,
      },
    );
    return { server: toServer(updated), webhookPath: webhookPath(id), credentials };
  }

  async delete(principal: Principal, id: string): Promise<void> {
    requireRole(principal, 'admin');
    const current = await this.find(id);
    await this.store.servers.delete(id);
    this.records.delete(id);
    await this.audit.record(principal, 'server.delete', { type: 'server', id }, { name: current.name });
  }

  /** The full record for the webhook check; the caller has not authenticated yet. */
  async findForWebhook(id: string): Promise<ServerRecord> {
    const record = await this.findRecent(id);
    if (record === null) throw new NotFoundError('server');
    return record;
  }

  /** The record behind `/gateway/{id}`, or null; the caller's key is already checked. */
  findForGateway(id: string): Promise<ServerRecord | null> {
    return this.findRecent(id);
  }

  /** A record read at most `cacheMs` ago (changes made here drop it at once). */
  private findRecent(id: string): Promise<ServerRecord | null> {
    if (!isId(id)) return Promise.resolve(null);
    return this.records.get(id, () => this.store.servers.findById(id));
  }

  private async find(id: string): Promise<ServerRecord> {
    const record = isId(id) ? await this.store.servers.findById(id) : null;
    if (record === null) throw new NotFoundError('server');
    return record;
  }

  /** With `all`, absent credentials are written as null (create); without, only new ones are set (update). */
  private sealCredentials(credentials: ServerCredentials, all = true) {
    const sealed: {
      apiKeyHash?: string | null;
      apiKeyPrefix?: string | null;
      hmacSecretEncrypted?: string | null;
    } = {};
    if (credentials.apiKey !== undefined) {
      sealed.apiKeyHash = hashKey(credentials.apiKey);
      sealed.apiKeyPrefix = credentials.apiKey.slice(0, 12);
    } else if (all) {
      sealed.apiKeyHash = null;
      sealed.apiKeyPrefix = null;
    }
    if (credentials.hmacSecret !== undefined)
      sealed.hmacSecretEncrypted = this.secretBox.seal(credentials.hmacSecret);
    else if (all) sealed.hmacSecretEncrypted = null;
    return sealed as {
      apiKeyHash: string | null;
      apiKeyPrefix: string | null;
      hmacSecretEncrypted: string | null;
    };
  }
}

function validateAllowlist(entries: readonly string[]): void {
  const details = entries.flatMap((entry, i) => {
    const error = cidrError(entry);
    return error ? [{ path: `auth.ipAllowlist.${i}`, message: error }] : [];
  });
  if (details.length > 0) throw new ValidationError('invalid IP allowlist', details);
}

function requireSomeAuthentication(record: ServerRecord): void {
  const any =
    record.apiKeyHash !== null || record.hmacSecretEncrypted !== null || record.ipAllowlist.length > 0;
  if (!any && !record.allowUnauthenticated) {
    throw new ValidationError('a server needs webhook authentication', [
      {
        path: 'auth',
        message: 'enable apiKey, hmac or an ipAllowlist, or set allowUnauthenticated: true to accept anyone',
      },
    ]);
  }
}

/** The public view of a server: which methods are on, never the material. */
export function toServer(record: ServerRecord): Server {
  return {
    id: record.id,
    name: record.name,
    type: record.type,
    endpointUrl: record.endpointUrl,
    description: record.description,
    tags: record.tags,
    auth: {
      apiKey: record.apiKeyHash !== null,
      apiKeyPrefix: record.apiKeyPrefix,
      hmac: record.hmacSecretEncrypted !== null,
      ipAllowlist: record.ipAllowlist,
      allowUnauthenticated: record.allowUnauthenticated,
    },
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
