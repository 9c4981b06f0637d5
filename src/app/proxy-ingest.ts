import {
  type Finding,
  isId,
  type McpEvent,
  NotFoundError,
  type Server,
  type ServerType,
} from '../core/index.js';
import {
  type EventInspector,
  type IngestOutcome,
  type IngestPipeline,
  webhookDedupeKey,
} from '../ingest/index.js';
import { BEHAVIOUR_RULES, type BehaviourAnalyzer } from './behaviour-analyzer.js';
import { SYSTEM_PRINCIPAL } from './permissions.js';
import type { RuleCatalogue } from './rule-catalogue.js';
import type { ServerService } from './servers.js';

/** One proxied call in the webhook format, with what the proxy's inline scan already found in it. */
export interface ProxiedEvent {
  /** A webhook-format event whose `id` is unique (it is the idempotency key). */
  readonly record: { readonly id: string };
  /** The engine's findings on exactly this record, or null to scan it here. */
  readonly findings: readonly Finding[] | null;
}

/**
 * The pipeline's detect step for proxied events: the pure engine already ran inline on each
 * event, so its findings are reused (keyed by the event's `id`, which becomes its externalId);
 * only the stateful checks run here. Events without inline findings are scanned as usual.
 */
export class PrecomputedDetection implements EventInspector {
  private readonly known = new Map<string, readonly Finding[]>();

  constructor(
    private readonly catalogue: RuleCatalogue,
    private readonly behaviour: BehaviourAnalyzer,
  ) {}

  remember(id: string, findings: readonly Finding[]): void {
    this.known.set(id, findings);
  }

  forget(id: string): void {
    this.known.delete(id);
  }

  async inspect(events: readonly McpEvent[]): Promise<Finding[][]> {
    if (events.length === 0) return [];
    const needsEngine = events.some((event) => !this.known.has(event.externalId ?? ''));
    const engine = needsEngine ? await this.catalogue.engine() : null;
    const pure = events.map((event) => {
      const found = this.known.get(event.externalId ?? '');
      return found === undefined ? [...(engine?.scan(event).findings ?? [])] : [...found];
    });
    const stateful = await this.behaviour.analyze(events);
    return pure.map((findings, i) => {
      const event = events[i]!;
      // The proxy pinned this list itself (name, description and schemas, approvable by an admin):
      // the description-only pin of the behaviour step would keep flagging an approved change.
      const pinnedByProxy = event.metadata['tool_pins'] === 'proxy';
      const behaviour = (stateful[i] ?? []).filter(
        (finding) => !(pinnedByProxy && finding.ruleId === BEHAVIOUR_RULES.descriptionChanged),
      );
      return dedupe([...findings, ...behaviour]);
    });
  }
}

/** The proxy's drift finding and the behaviour step's can name the same span: keep one. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.ruleId}\u0000${finding.field}\u0000${finding.start}\u0000${finding.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Events from the stdio proxy and the HTTP gateway: the webhook's pipeline, with source `proxy`. */
export class ProxyIngest {
  constructor(
    private readonly servers: ServerService,
    private readonly pipeline: IngestPipeline,
    private readonly detection: PrecomputedDetection,
  ) {}

  /** Normalizes, detects (reusing inline findings), groups into alerts and stores, like the webhook. */
  async record(serverId: string, events: readonly ProxiedEvent[]): Promise<IngestOutcome> {
    for (const event of events) {
      if (event.findings !== null) this.detection.remember(event.record.id, event.findings);
    }
    try {
      return await this.pipeline.ingest(
        events.map((event, index) => ({ index, value: event.record })),
        { serverId, source: 'proxy', dedupeKey: webhookDedupeKey },
      );
    } finally {
      for (const event of events) this.detection.forget(event.record.id);
    }
  }

  /**
   * The server a proxy reports as: an id that exists, else the server of that name, else a new
   * one registered on first use (audited as the system).
   */
  async resolveServer(nameOrId: string, type: ServerType): Promise<Server> {
    if (isId(nameOrId)) {
      try {
        return await this.servers.get(SYSTEM_PRINCIPAL, nameOrId);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    const existing = (await this.servers.list(SYSTEM_PRINCIPAL)).find((server) => server.name === nameOrId);
    if (existing !== undefined) return existing;
    const created = await this.servers.create(SYSTEM_PRINCIPAL, {
      name: nameOrId,
      type,
      description: 'Registered by the MCP Sentinel proxy on first use',
      tags: ['proxy'],
    });
    return created.server;
  }
}

/** Builds the proxy's pipeline beside the webhook's, sharing its writer (one group commit). */
export function createProxyIngest(
  servers: ServerService,
  catalogue: RuleCatalogue,
  behaviour: BehaviourAnalyzer,
  pipelineOf: (inspector: EventInspector) => IngestPipeline,
): ProxyIngest {
  const detection = new PrecomputedDetection(catalogue, behaviour);
  return new ProxyIngest(servers, pipelineOf(detection), detection);
}
