export { ClientIpResolver } from './client-ip.js';
export { decodeBody } from './decode-body.js';
export { createUploadDedupeKey, webhookDedupeKey } from './dedupe-key.js';
export { GroupCommit, type GroupCommitStats } from './group-commit.js';
export { SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER, verifySignature } from './hmac-signature.js';
export { cidrError, IpAllowlist } from './ip-allowlist.js';
export { type NormalizeResult, normalizeEvent } from './normalize-event.js';
export { type ParsedItem, parseEvents } from './parse-events.js';
export {
  type EventInspector,
  type IngestContext,
  type IngestMetrics,
  type IngestOutcome,
  IngestPipeline,
  type PipelineOptions,
  type RejectedItem,
} from './pipeline.js';
export { maskSecretsInEvent } from './secret-masking.js';
export { readUpload, type UploadItem } from './upload-reader.js';
export { authenticateWebhook, type WebhookCredentials } from './webhook-auth.js';
