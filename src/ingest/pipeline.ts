import type { ErrorDetail, EventSource, Finding, McpEvent } from '../core/index.js';
import type { DetectedEvent, EventToStore } from '../store/index.js';
import type { GroupCommit } from './group-commit.js';
import { normalizeEvent } from './normalize-event.js';
import type { ParsedItem } from './parse-events.js';
import { maskSecretsInEvent } from './secret-masking.js';

/** The detect step: what every rule (pure and behavioural) finds in each event, in order. */
export interface EventInspector {
  inspect(events: readonly McpEvent[]): Promise<ReadonlyArray<readonly Finding[]>>;
}

export interface PipelineOptions {
  /** Store secrets found in events masked (default) or, when an admin opts out, in clear. */
  readonly maskSecrets: boolean;
}

/** Counters the pipeline reports into; the composition root backs them with Prometheus. */
export interface IngestMetrics {
  eventsAccepted(source: EventSource, count: number): void;
  eventsRejected(source: EventSource, count: number): void;
  eventsDuplicate(source: EventSource, count: number): void;
}

export interface RejectedItem {
  readonly index: number;
  readonly line?: number;
  readonly reason: string;
  readonly details?: readonly ErrorDetail[];
}

export interface IngestOutcome {
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: readonly RejectedItem[];
  /** Ids of the events stored by this call, in input order. */
  readonly eventIds: readonly string[];
}

export interface IngestContext {
  readonly serverId: string;
  readonly source: EventSource;
  /** The idempotency key for an event; null means "always store". */
  dedupeKey(raw: unknown, event: McpEvent): string | null;
}

/** Per ARCHITECTURE.md every source goes normalize -> detect -> persist through this one path. */
export class IngestPipeline {
  constructor(
    private readonly writer: GroupCommit<DetectedEvent>,
    private readonly inspector: EventInspector,
    private readonly metrics: IngestMetrics,
    private readonly options: PipelineOptions,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async ingest(items: readonly ParsedItem[], context: IngestContext): Promise<IngestOutcome> {
    const receivedAt = this.now().toISOString();
    const rejected: RejectedItem[] = [];
    const toStore: EventToStore[] = [];
    for (const item of items) {
      const line = item.line === undefined ? {} : { line: item.line };
      if ('error' in item) {
        rejected.push({ index: item.index, ...line, reason: item.error });
        continue;
      }
      const result = normalizeEvent(item.value, {
        serverId: context.serverId,
        source: context.source,
        receivedAt,
      });
      if (!result.ok) {
        rejected.push({ index: item.index, ...line, reason: result.reason, details: result.details });
        continue;
      }
      toStore.push({ event: result.event, dedupeKey: context.dedupeKey(item.value, result.event) });
    }
    const findings = await this.inspector.inspect(toStore.map((item) => item.event));
    const detected = toStore.map((item, i): DetectedEvent => {
      const found = findings[i] ?? [];
      if (!this.options.maskSecrets || found.length === 0) return { event: item, findings: found };
      return { event: { ...item, event: maskSecretsInEvent(item.event, found) }, findings: found };
    });
    const inserted = await this.writer.write(detected);
    const eventIds = toStore.filter((_, i) => inserted[i]).map((item) => item.event.id);
    const duplicates = toStore.length - eventIds.length;
    this.metrics.eventsAccepted(context.source, eventIds.length);
    this.metrics.eventsDuplicate(context.source, duplicates);
    this.metrics.eventsRejected(context.source, rejected.length);
    return { accepted: eventIds.length, duplicates, rejected, eventIds };
  }
}
