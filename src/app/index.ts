export { ApiKeyService, apiKeyCreateSchema, type CreatedApiKey } from './api-keys.js';
export { type Application, type ApplicationOptions, createApplication } from './application.js';
export { AuditLog } from './audit-log.js';
export { EventService, eventQuerySchema } from './events.js';
export {
  IngestService,
  type UploadProgress,
  type UploadReport,
  type WebhookRequest,
} from './ingest-service.js';
export { SentinelMetrics } from './metrics.js';
export { requireRole, SYSTEM_PRINCIPAL } from './permissions.js';
export { resolveSecretKey } from './secret-key.js';
export {
  type ServerCredentials,
  ServerService,
  type ServerWithCredentials,
  toServer,
  webhookPath,
} from './servers.js';
