import type { Config } from '../config/index.js';
import { SecretBox } from '../core/index.js';
import { GroupCommit, IngestPipeline } from '../ingest/index.js';
import type { DetectedEvent, RateIncrement, Store } from '../store/index.js';
import { ActivityService } from './activity.js';
import { AlertQueries } from './alert-queries.js';
import { AnalyticsRuleService } from './analytics-rules.js';
import { ApiKeyService } from './api-keys.js';
import { ApprovalService } from './approvals.js';
import { AuditLog } from './audit-log.js';
import { BehaviourAnalyzer } from './behaviour-analyzer.js';
import { ComplianceService } from './compliance.js';
import { DataSubjectService } from './data-subject.js';
import { DetectionPool } from './detection-pool.js';
import { EventDetection } from './event-detection.js';
import { EventTail } from './event-tail.js';
import { EventService } from './events.js';
import { GatewaySessionService } from './gateway-sessions.js';
import { HuntService } from './hunt-service.js';
import { IngestService } from './ingest-service.js';
import { SentinelMetrics } from './metrics.js';
import { PostureService } from './posture.js';
import { createProxyIngest, type ProxyIngest } from './proxy-ingest.js';
import { RescanService } from './rescan.js';
import { RetentionService } from './retention.js';
import { RuleCatalogue } from './rule-catalogue.js';
import { RuleTrial } from './rule-trial.js';
import { SavedQueryService } from './saved-queries.js';
import { ServerService } from './servers.js';
import { ToolPinService } from './tool-pins.js';
import { TriageService } from './triage.js';
import { UpstreamAuthService } from './upstream-auth.js';

/** The use cases every surface (REST, MCP, CLI) calls; built once in the composition root. */
export interface Application {
  readonly config: Config;
  readonly store: Store;
  readonly metrics: SentinelMetrics;
  readonly apiKeys: ApiKeyService;
  readonly servers: ServerService;
  readonly events: EventService;
  readonly eventTail: EventTail;
  readonly ingest: IngestService;
  readonly audit: AuditLog;
  readonly rules: RuleCatalogue;
  readonly ruleTrial: RuleTrial;
  readonly alerts: AlertQueries;
  readonly rescan: RescanService;
  /** Alert triage: transitions with a reason, assignment, comments, history, bulk changes. */
  readonly triage: TriageService;
  /** Security rating and its trend, alert counts, riskiest servers, users and tools. */
  readonly posture: PostureService;
  /** Findings and open alerts by OWASP LLM Top 10 item and MITRE ATLAS tactic and technique. */
  readonly compliance: ComplianceService;
  /** Per user and per server activity, the access graph, tool inventory, statistics, alert trends. */
  readonly activity: ActivityService;
  /** Data subject requests: find (and export) every event mentioning a person; purge. */
  readonly dataSubject: DataSubjectService;
  /** HTTP gateway: sessions in the store, upstream credentials, the approval queue. */
  readonly gatewaySessions: GatewaySessionService;
  readonly upstreamAuth: UpstreamAuthService;
  readonly approvals: ApprovalService;
  /** Hunting: KQL queries validated by the official parser and run read-only as SQL. */
  readonly hunt: HuntService;
  /** Saved KQL queries (responders write) and scheduled analytics rules (admins write). */
  readonly savedQueries: SavedQueryService;
  readonly analyticsRules: AnalyticsRuleService;
  /** The stdio proxy and the gateway: events with inline findings, tool pins. */
  readonly proxyIngest: ProxyIngest;
  readonly toolPins: ToolPinService;
  /** Deletes events older than `SENTINEL_RETENTION_DAYS` (run by `serve` on a timer); its status. */
  readonly retention: RetentionService;
  /**
   * Waits for queued writes to commit and ends the detection threads (a later batch restarts
   * them); call before closing the store.
   */
  drain(): Promise<void>;
}

export interface ApplicationOptions {
  readonly secretKey: string;
  readonly now?: () => Date;
  readonly metrics?: SentinelMetrics;
  /** Where background failures the caller never sees go (a detection thread died); stderr by default. */
  readonly logError?: (error: Error) => void;
}

export function createApplication(config: Config, store: Store, options: ApplicationOptions): Application {
  const now = options.now ?? (() => new Date());
  const metrics = options.metrics ?? new SentinelMetrics();
  const secretBox = new SecretBox(options.secretKey);
  const audit = new AuditLog(store, now);
  const rules = new RuleCatalogue(store, audit, config.rulesDir, now);
  const alertWindowMs = config.alertWindowMinutes * 60_000;
  // Two commits in flight: the store works on another thread (SQLite) or server (PostgreSQL), so
  // the next commit is waiting there when one ends.
  const writer = new GroupCommit<DetectedEvent>(
    (batch) => store.events.commitDetected(batch, { alertWindowMs, now: now().toISOString() }),
    5000,
    metrics,
    2,
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
  const logError =
    options.logError ?? ((error: Error) => process.stderr.write(`mcp-sentinel: warning: ${error.message}\n`));
  const detectionPool =
    config.detectionThreads === 0
      ? null
      : new DetectionPool({ threads: config.detectionThreads, onError: logError });
  const pipeline = new IngestPipeline(
    writer,
    new EventDetection(rules, behaviour, detectionPool),
    metrics,
    {
      maskSecrets: config.storeSecrets === 'masked',
    },
    now,
  );
  const servers = new ServerService(store, audit, secretBox, now, config.readCacheMs);
  const hunt = new HuntService(store, config.hunt, now);
  const proxyIngest = createProxyIngest(servers, rules, behaviour, (inspector) => {
    return new IngestPipeline(
      writer,
      inspector,
      metrics,
      { maskSecrets: config.storeSecrets === 'masked' },
      now,
    );
  });
  return {
    config,
    store,
    metrics,
    apiKeys: new ApiKeyService(store, audit, now, config.readCacheMs),
    servers,
    events: new EventService(store),
    eventTail: new EventTail(store, now),
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
    ruleTrial: new RuleTrial(now),
    alerts: new AlertQueries(store),
    rescan: new RescanService(store, rules, audit, alertWindowMs, now),
    triage: new TriageService(store, audit, now),
    posture: new PostureService(store, now),
    compliance: new ComplianceService(store, rules),
    activity: new ActivityService(store, now),
    dataSubject: new DataSubjectService(store, audit),
    gatewaySessions: new GatewaySessionService(store, config.gatewaySessionIdleMinutes * 60_000, now),
    upstreamAuth: new UpstreamAuthService(store, audit, secretBox, now, config.readCacheMs),
    approvals: new ApprovalService(store, audit, rules, config.approvalTimeoutSeconds * 1000, now),
    hunt,
    savedQueries: new SavedQueryService(store, audit, hunt, now),
    analyticsRules: new AnalyticsRuleService(store, audit, hunt, now),
    proxyIngest,
    toolPins: new ToolPinService(store, audit, config.proxyHideChangedTools, now),
    retention: new RetentionService(store, config.retentionDays, now),
    drain: async () => {
      // First: batches still being scanned on a thread then reach the writer before it drains.
      await detectionPool?.close();
      await writer.drain();
      await rateCounter.drain();
    },
  };
}
