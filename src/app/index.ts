export {
  type HuntColumn,
  type HuntingTable,
  type KqlDiagnostic,
  KqlError,
  type RenderHint,
} from '../query/index.js';
export {
  type AccessEdge,
  type AccessGraph,
  type AccessNode,
  type AccessNodeKind,
  RESOURCE_KEYS,
} from './access-graph.js';
export {
  ActivityService,
  type AlertTrends,
  accessGraphQuerySchema,
  activityQuerySchema,
  alertTrendsQuerySchema,
  type Breakdown,
  type EventStatistics,
  eventStatisticsQuerySchema,
  type ServerActivity,
  type ToolInventoryItem,
  type UserActivity,
} from './activity.js';
export { type AlertDetail, AlertQueries, alertQuerySchema, findingQuerySchema } from './alert-queries.js';
export { allowedTransitions } from './alert-transitions.js';
export { ANY_SERVER, analyticsRuleId } from './analytics-alerts.js';
export {
  type AnalyticsRule,
  AnalyticsRuleService,
  type AnalyticsRunSummary,
  analyticsRuleSchema,
} from './analytics-rules.js';
export {
  ANALYTICS_LEASE,
  AnalyticsScheduler,
  type AnalyticsSchedulerOptions,
  analyticsSchedulerFor,
  type TickReport,
} from './analytics-scheduler.js';
export { ApiKeyService, apiKeyCreateSchema, type CreatedApiKey } from './api-keys.js';
export { type Application, type ApplicationOptions, createApplication } from './application.js';
export {
  type ApprovalOutcome,
  type ApprovalRequest,
  ApprovalService,
  approvalDecisionSchema,
  approvalQuerySchema,
} from './approvals.js';
export { AuditLog } from './audit-log.js';
export { BEHAVIOUR_RULES } from './behaviour-analyzer.js';
export {
  type AtlasTactic,
  type ComplianceItem,
  type ComplianceReport,
  ComplianceService,
  complianceQuerySchema,
  FRAMEWORKS,
  type Framework,
} from './compliance.js';
export {
  DataSubjectService,
  dataSubjectQuerySchema,
  PURGE_CONFIRMATION,
  type PurgeReport,
  purgeSchema,
} from './data-subject.js';
export { EventTail, TailSession } from './event-tail.js';
export { EventService, eventQuerySchema, type ListedEvent } from './events.js';
export { type GatewaySession, GatewaySessionService, type NewGatewaySession } from './gateway-sessions.js';
export {
  type HuntLimits,
  type HuntResult,
  HuntService,
  huntRequestSchema,
  huntTimespanSchema,
  parseIsoDuration,
} from './hunt-service.js';
export {
  IngestService,
  type UploadProgress,
  type UploadReport,
  type WebhookRequest,
} from './ingest-service.js';
export { SentinelMetrics } from './metrics.js';
export { requireRole, SYSTEM_PRINCIPAL } from './permissions.js';
export { PostureService, type PostureSummary, postureQuerySchema, type RiskEntry } from './posture.js';
export { PrecomputedDetection, type ProxiedEvent, ProxyIngest } from './proxy-ingest.js';
export { type RescanReport, RescanService, rescanSchema } from './rescan.js';
export {
  DEFAULT_RETENTION_LIMITS,
  RETENTION_ACTOR,
  RETENTION_LEASE,
  RETENTION_TICK_MS,
  RetentionJob,
  type RetentionLimits,
  RetentionService,
  type RetentionStatus,
  type RetentionTick,
  retentionJobFor,
} from './retention.js';
export { RuleCatalogue, type RuleSource, type RuleView, ruleSettingSchema } from './rule-catalogue.js';
export { RuleTrial, type RuleTrialResult } from './rule-trial.js';
export { type SavedQuery, SavedQueryService, savedQuerySchema } from './saved-queries.js';
export { resolveSecretKey } from './secret-key.js';
export {
  AGE_FACTORS,
  type Grade,
  type RatingComponent,
  rateSecurity,
  SEVERITY_WEIGHTS,
  type SecurityRating,
} from './security-rating.js';
export {
  type ServerCredentials,
  ServerService,
  type ServerWithCredentials,
  toServer,
  webhookPath,
} from './servers.js';
export {
  canonicalJson,
  type ListedTool,
  type ListedToolChange,
  ToolPinService,
  type ToolPinView,
} from './tool-pins.js';
export {
  assignSchema,
  type BulkItemResult,
  type BulkResult,
  bulkSchema,
  commentSchema,
  MAX_BULK_ALERTS,
  MAX_COMMENT_LENGTH,
  type TransitionInput,
  TriageService,
  transitionSchema,
} from './triage.js';
export { UpstreamAuthService, type UpstreamAuthView, upstreamAuthSchema } from './upstream-auth.js';
