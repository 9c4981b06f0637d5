import type { Config } from '../config/index.js';
import { SecretBox } from '../core/index.js';
import { GroupCommit, IngestPipeline } from '../ingest/index.js';
import type { DetectedEvent, RateIncrement, Store } from '../store/index.js';
import { AlertQueries } from './alert-queries.js';
import { ApiKeyService } from './api-keys.js';
import { AuditLog } from './audit-log.js';
import { BehaviourAnalyzer } from './behaviour-analyzer.js';
import { EventDetection } from './event-detection.js';
import { EventService } from './events.js';
import { IngestService } from './ingest-service.js';
import { SentinelMetrics } from './metrics.js';
import { RescanService } from './rescan.js';
import { RuleCatalogue } from './rule-catalogue.js';
import { ServerService } from './servers.js';

/** The use cases every surface (REST, MCP, CLI) calls; built once in the composition root. */
export interface Application {
  readonly config: Config;
  readonly store: Store;
  readonly metrics: SentinelMetrics;
  readonly apiKeys: ApiKeyService;
  readonly servers: ServerService;
  readonly events: EventService;
  readonly ingest: IngestService;
  readonly audit: AuditLog;
  readonly rules: RuleCatalogue;
  readonly alerts: AlertQueries;
  readonly rescan: RescanService;
  /** Waits for queued writes to commit; call before closing the store. */
  drain(): Promise<void>;
}

export interface ApplicationOptions {
  readonly secretKey: string;
  readonly now?: () => Date;
  readonly metrics?: SentinelMetrics;
}

export function createApplication(config: Config, store: Store, options: ApplicationOptions): Application {
  const now = options.now ?? (() => new Date());
  const metrics = options.metrics ?? new SentinelMetrics();
  const secretBox = new SecretBox(options.secretKey);
  const audit = new AuditLog(store, now);
  const rules = new RuleCatalogue(store, audit, config.rulesDir, now);
  const alertWindowMs = config.alertWindowMinutes * 60_000;
  const writer = new GroupCommit<DetectedEvent>(
    (batch) => store.events.commitDetected(batch, { alertWindowMs, now: now().toISOString() }),
    5000,
    metrics,
  );
  // Rate counters from concurrent requests share one round trip (and one SQLite transaction).
  const rateCounter = new GroupCommit<RateIncrement, number>(
    (items) => store.rateLimits.consumeMany(items),
    10_000,
  );
  const count = (items: readonly RateIncrement[]) => rateCounter.write(items);
  const behaviour = new BehaviourAnalyzer(store, {
    rateSpikePerMinute: config.rateSpikePerMinute,
    count,
    rule: (id) => rules.rule(id),
  });
  const pipeline = new IngestPipeline(
    writer,
    new EventDetection(rules, behaviour),
    metrics,
    {
      maskSecrets: config.storeSecrets === 'masked',
    },
    now,
  );
  const servers = new ServerService(store, audit, secretBox, now);
  return {
    config,
    store,
    metrics,
    apiKeys: new ApiKeyService(store, audit, now),
    servers,
    events: new EventService(store),
    ingest: new IngestService(
      servers,
      pipeline,
      secretBox,
      {
        maxBodyBytes: config.maxBodyBytes,
        rateLimit: config.webhookRateLimit,
        signatureToleranceSeconds: config.signatureToleranceSeconds,
      },
      count,
      now,
    ),
    audit,
    rules,
    alerts: new AlertQueries(store),
    rescan: new RescanService(store, rules, audit, alertWindowMs, now),
    drain: async () => {
      await writer.drain();
      await rateCounter.drain();
    },
  };
}
