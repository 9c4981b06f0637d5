import { createHash } from 'node:crypto';
import { NotFoundError, type Principal } from '../core/index.js';
import type { ObservedToolDefinition, Store, ToolDefinitionRecord } from '../store/index.js';
import type { AuditLog } from './audit-log.js';
import { requireRole } from './permissions.js';

/** A tool as a `tools/list` result describes it (structurally the proxy's ToolDefinition). */
export interface ListedTool {
  readonly name: string;
  readonly description: string | null;
  readonly inputSchema: unknown;
  readonly outputSchema: unknown;
}

/** A listed tool that differs from its pin (structurally the proxy's ToolChange). */
export interface ListedToolChange {
  readonly name: string;
  readonly changed: readonly ('description' | 'inputSchema' | 'outputSchema')[];
  readonly hidden: boolean;
}

/** A pin as admins see it over REST. */
export interface ToolPinView {
  readonly name: string;
  readonly status: 'pinned' | 'changed';
  /** Whether the proxy hides the tool and blocks calls to it until approved. */
  readonly hidden: boolean;
  readonly description: string | null;
  readonly definitionHash: string;
  readonly changed: {
    readonly parts: readonly string[];
    readonly description: string | null;
    readonly definitionHash: string;
    readonly at: string | null;
  } | null;
  readonly firstSeen: string;
  readonly approvedAt: string | null;
  readonly approvedBy: string | null;
}

/** Tool pinning for the proxy and the REST routes; the pins live in the store (every node agrees). */
export class ToolPinService {
  /** Per server, tool -> pinned hash of definitions confirmed unchanged: the common list costs no I/O. */
  private readonly confirmed = new Map<string, Map<string, string>>();
  /** Per server, tools this process saw held (checked against the store before each refusal). */
  private readonly held = new Map<string, Set<string>>();

  constructor(
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly hideChanged: boolean,
    private readonly now: () => Date,
  ) {}

  /** Pins first-seen tools and reports the ones whose definition differs from the pin. */
  async review(serverId: string, tools: readonly ListedTool[]): Promise<ListedToolChange[]> {
    const observed = tools.map(observeTool);
    const known = this.confirmed.get(serverId);
    if (known !== undefined && observed.every((tool) => known.get(tool.tool) === tool.definitionHash))
      return [];
    const records = await this.store.toolDefinitions.observe(serverId, observed, this.now().toISOString());
    const confirmed = known ?? new Map<string, string>();
    const held = this.held.get(serverId) ?? new Set<string>();
    const changes: ListedToolChange[] = [];
    for (const record of records) {
      if (record.status === 'pinned') {
        confirmed.set(record.tool, record.definitionHash);
        held.delete(record.tool);
        continue;
      }
      confirmed.delete(record.tool);
      if (this.hideChanged) held.add(record.tool);
      changes.push({
        name: record.tool,
        changed: (record.changed?.parts ?? []) as ListedToolChange['changed'],
        hidden: this.hideChanged,
      });
    }
    this.confirmed.set(serverId, confirmed);
    this.held.set(serverId, held);
    return changes;
  }

  /**
   * Whether calls to a tool are held. Free (no I/O) for tools never seen changed; a held tool is
   * re-read from the store so an approval given on another node releases it at once.
   */
  isHidden(serverId: string, tool: string): boolean | Promise<boolean> {
    if (!this.hideChanged || !this.held.get(serverId)?.has(tool)) return false;
    return this.store.toolDefinitions.find(serverId, tool).then((record) => {
      const hidden = record?.status === 'changed';
      if (!hidden) this.held.get(serverId)?.delete(tool);
      return hidden;
    });
  }

  async list(principal: Principal, serverId: string): Promise<ToolPinView[]> {
    requireRole(principal, 'viewer');
    await this.requireServer(serverId);
    return (await this.store.toolDefinitions.list(serverId)).map((record) => this.view(record));
  }

  /** Makes a changed definition the new pin (and so releases the tool). */
  async approve(principal: Principal, serverId: string, tool: string): Promise<ToolPinView> {
    requireRole(principal, 'admin');
    await this.requireServer(serverId);
    const before = await this.store.toolDefinitions.find(serverId, tool);
    if (before === null) throw new NotFoundError('tool');
    if (before.status === 'changed') {
      await this.store.toolDefinitions.approve(serverId, tool, principal.name, this.now().toISOString());
      await this.audit.record(
        principal,
        'tool.approve',
        { type: 'server', id: serverId },
        { tool, from: before.definitionHash, to: before.changed?.definitionHash ?? null },
      );
      this.held.get(serverId)?.delete(tool);
    }
    const after = await this.store.toolDefinitions.find(serverId, tool);
    if (after === null) throw new NotFoundError('tool');
    return this.view(after);
  }

  private async requireServer(serverId: string): Promise<void> {
    if ((await this.store.servers.findById(serverId)) === null) throw new NotFoundError('server');
  }

  private view(record: ToolDefinitionRecord): ToolPinView {
    const description = (definition: Record<string, unknown>) =>
      typeof definition['description'] === 'string' ? definition['description'] : null;
    return {
      name: record.tool,
      status: record.status,
      hidden: this.hideChanged && record.status === 'changed',
      description: description(record.definition),
      definitionHash: record.definitionHash,
      changed:
        record.changed === null
          ? null
          : {
              parts: record.changed.parts,
              description: description(record.changed.definition),
              definitionHash: record.changed.definitionHash,
              at: record.changedAt,
            },
      firstSeen: record.firstSeen,
      approvedAt: record.approvedAt,
      approvedBy: record.approvedBy,
    };
  }
}

function observeTool(tool: ListedTool): ObservedToolDefinition {
  const descriptionHash = tool.description === null ? null : sha256(tool.description);
  const inputSchemaHash = tool.inputSchema === null ? null : sha256(canonicalJson(tool.inputSchema));
  const outputSchemaHash = tool.outputSchema === null ? null : sha256(canonicalJson(tool.outputSchema));
  return {
    tool: tool.name,
    definitionHash: sha256(JSON.stringify([tool.name, descriptionHash, inputSchemaHash, outputSchemaHash])),
    descriptionHash,
    inputSchemaHash,
    outputSchemaHash,
    definition: {
      name: tool.name,
      description: tool.description,
      inputSchema: tool.inputSchema,
      outputSchema: tool.outputSchema,
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so the same schema always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
