export { type AlertDetail, AlertQueries, alertQuerySchema, findingQuerySchema } from './alert-queries.js';
export { ApiKeyService, apiKeyCreateSchema, type CreatedApiKey } from './api-keys.js';
export { type Application, type ApplicationOptions, createApplication } from './application.js';
export { AuditLog } from './audit-log.js';
export { BEHAVIOUR_RULES } from './behaviour-analyzer.js';
export { EventService, eventQuerySchema } from './events.js';
export {
  IngestService,
  type UploadProgress,
  type UploadReport,
  type WebhookRequest,
} from './ingest-service.js';
export { SentinelMetrics } from './metrics.js';
export { requireRole, SYSTEM_PRINCIPAL } from './permissions.js';
export { type RescanReport, RescanService, rescanSchema } from './rescan.js';
export { RuleCatalogue, type RuleSource, type RuleView, ruleSettingSchema } from './rule-catalogue.js';
export { resolveSecretKey } from './secret-key.js';
export {
  type ServerCredentials,
  ServerService,
  type ServerWithCredentials,
  toServer,
  webhookPath,
} from './servers.js';
