import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { EventSource } from '../core/index.js';
import type { GroupCommitStats, IngestMetrics } from '../ingest/index.js';

/** One Prometheus registry per application instance (no global default, so tests stay isolated). */
export class SentinelMetrics implements IngestMetrics, GroupCommitStats {
  readonly registry = new Registry();
  private readonly accepted = new Counter({
    name: 'sentinel_events_accepted_total',
    help: 'Events stored, by source',
    labelNames: ['source'],
    registers: [this.registry],
  });
  private readonly rejected = new Counter({
    name: 'sentinel_events_rejected_total',
    help: 'Events rejected as invalid, by source',
    labelNames: ['source'],
    registers: [this.registry],
  });
  private readonly duplicates = new Counter({
    name: 'sentinel_events_duplicate_total',
    help: 'Events skipped because their id (or upload content) was already stored, by source',
    labelNames: ['source'],
    registers: [this.registry],
  });
  private readonly commitSeconds = new Histogram({
    name: 'sentinel_store_commit_duration_seconds',
    help: 'Time to commit one group of events to the store',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  private readonly commitSize = new Histogram({
    name: 'sentinel_store_commit_events',
    help: 'Events per group commit',
    buckets: [1, 5, 10, 50, 100, 500, 1000, 5000],
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: 'sentinel_' });
  }

  eventsAccepted(source: EventSource, count: number): void {
    if (count > 0) this.accepted.inc({ source }, count);
  }

  eventsRejected(source: EventSource, count: number): void {
    if (count > 0) this.rejected.inc({ source }, count);
  }

  eventsDuplicate(source: EventSource, count: number): void {
    if (count > 0) this.duplicates.inc({ source }, count);
  }

  onCommit(events: number, seconds: number): void {
    this.commitSeconds.observe(seconds);
    this.commitSize.observe(events);
  }
}
