export {
  ALERT_EVENT_KINDS,
  ALERT_REASONS,
  ALERT_STATUSES,
  type Alert,
  type AlertEvent,
  type AlertEventKind,
  type AlertReason,
  type AlertStatus,
  CLOSED_ALERT_STATUSES,
  isClosedStatus,
  OPEN_ALERT_STATUSES,
  type StoredFinding,
} from './alert.js';
export type { ApiKey, Principal } from './api-key.js';
export type { AuditEntry } from './audit.js';
export { digestsEqual, hashSecret, randomAlphanumeric, randomSecret } from './credential.js';
export {
  AuthError,
  ConflictError,
  type ErrorCode,
  type ErrorDetail,
  ForbiddenError,
  HuntTimeoutError,
  MalformedJsonError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
  SentinelError,
  UnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors.js';
export {
  EVENT_SOURCES,
  type EventSource,
  KNOWN_WEBHOOK_FIELDS,
  type McpEvent,
  type WebhookEvent,
  type WebhookEventInput,
  webhookEventSchema,
} from './event.js';
export {
  CATEGORIES,
  type Category,
  type Finding,
  RULE_ACTIONS,
  type RuleAction,
  type RuleMappings,
  type ScanResult,
  SEVERITIES,
  type Severity,
  type Verdict,
} from './finding.js';
export { isId, newId } from './ids.js';
export { MAX_EVENT_DEPTH, nestsDeeperThan } from './json-depth.js';
export { PendingReplies } from './pending-replies.js';
export { ReadCache } from './read-cache.js';
export { ROLES, type Role, roleAllows } from './role.js';
export { SecretBox } from './secret-box.js';
export {
  SERVER_TYPES,
  type Server,
  type ServerAuthView,
  type ServerCreate,
  type ServerCreateInput,
  type ServerType,
  type ServerUpdate,
  serverCreateSchema,
  serverUpdateSchema,
} from './server.js';
export { siblingModule, startWorker, typescriptBootstrap } from './worker-entry.js';
export { zodDetails } from './zod-details.js';
