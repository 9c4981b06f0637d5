import type { Finding, McpEvent } from '../core/index.js';
import type { EventInspector } from '../ingest/index.js';
import type { BehaviourAnalyzer } from './behaviour-analyzer.js';
import { type DetectionPool, scanInline } from './detection-pool.js';
import type { RuleCatalogue } from './rule-catalogue.js';

/**
 * Batches of at least this many events go to the detection threads; smaller ones are scanned here,
 * where a single event's latency is lowest (a round trip to a thread costs more than its scan).
 */
export const POOL_MIN_BATCH = 16;

/** The pipeline's detect step: the pure engine on each event, then the stateful checks. */
export class EventDetection implements EventInspector {
  constructor(
    private readonly catalogue: RuleCatalogue,
    private readonly behaviour: BehaviourAnalyzer,
    /** Detection threads for large batches; null scans every batch on this thread. */
    private readonly pool: DetectionPool | null = null,
  ) {}

  async inspect(events: readonly McpEvent[]): Promise<Finding[][]> {
    if (events.length === 0) return [];
    const rules = await this.catalogue.effectiveRules();
    if (this.pool === null || events.length < POOL_MIN_BATCH) {
      const pure = scanInline(rules.engine, events);
      const stateful = await this.behaviour.analyze(events);
      return merge(pure, stateful);
    }
    // The behaviour checks run here while a thread scans: they only read the events.
    const [pure, stateful] = await Promise.all([
      this.pool.scan(rules, events),
      this.behaviour.analyze(events),
    ]);
    return merge(pure, stateful);
  }
}

function merge(pure: Finding[][], stateful: ReadonlyArray<readonly Finding[]>): Finding[][] {
  return pure.map((findings, i) => [...findings, ...(stateful[i] ?? [])]);
}
