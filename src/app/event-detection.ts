import type { Finding, McpEvent } from '../core/index.js';
import type { EventInspector } from '../ingest/index.js';
import type { BehaviourAnalyzer } from './behaviour-analyzer.js';
import type { RuleCatalogue } from './rule-catalogue.js';

/** The pipeline's detect step: the pure engine on each event, then the stateful checks. */
export class EventDetection implements EventInspector {
  constructor(
    private readonly catalogue: RuleCatalogue,
    private readonly behaviour: BehaviourAnalyzer,
  ) {}

  async inspect(events: readonly McpEvent[]): Promise<Finding[][]> {
    if (events.length === 0) return [];
    const engine = await this.catalogue.engine();
    const pure = events.map((event) => [...engine.scan(event).findings]);
    const stateful = await this.behaviour.analyze(events);
    return pure.map((findings, i) => [...findings, ...(stateful[i] ?? [])]);
  }
}
