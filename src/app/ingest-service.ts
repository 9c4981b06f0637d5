import { type Principal, RateLimitError, type SecretBox, ValidationError } from '../core/index.js';
import {
  authenticateWebhook,
  createUploadDedupeKey,
  decodeBody,
  type IngestOutcome,
  type IngestPipeline,
  type ParsedItem,
  parseEvents,
  type RejectedItem,
  readUpload,
  type WebhookCredentials,
  webhookDedupeKey,
} from '../ingest/index.js';
import type { RateIncrement } from '../store/index.js';
import { requireRole } from './permissions.js';
import type { ServerService } from './servers.js';

export interface WebhookRequest {
  readonly serverId: string;
  readonly body: Buffer;
  readonly contentType: string | undefined;
  readonly contentEncoding: string | undefined;
  readonly credentials: WebhookCredentials;
}

export interface IngestSettings {
  readonly maxBodyBytes: number;
  readonly rateLimit: { readonly limit: number; readonly windowSeconds: number };
  readonly signatureToleranceSeconds: number;
}

export interface UploadReport {
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejectedCount: number;
  /** The first rejected items with their line numbers (the count above has them all). */
  readonly rejected: readonly RejectedItem[];
}

export interface UploadProgress {
  readonly items: number;
  readonly accepted: number;
}

const UPLOAD_BATCH = 1000;
const MAX_REPORTED_REJECTIONS = 1000;

/** Taking events in: the webhook and uploads, both through the one pipeline. */
export class IngestService {
  constructor(
    private readonly servers: ServerService,
    private readonly pipeline: IngestPipeline,
    private readonly secretBox: SecretBox,
    private readonly settings: IngestSettings,
    private readonly count: (items: readonly RateIncrement[]) => Promise<number[]>,
    private readonly now: () => Date,
  ) {}

  async receiveWebhook(request: WebhookRequest): Promise<IngestOutcome> {
    const server = await this.servers.findForWebhook(request.serverId);
    const nowMs = this.now().getTime();
    authenticateWebhook(server, request.credentials, request.body, {
      secretBox: this.secretBox,
      toleranceSeconds: this.settings.signatureToleranceSeconds,
      nowSeconds: Math.floor(nowMs / 1000),
    });
    await this.enforceRateLimit(server.id, nowMs);
    const body = decodeBody(request.body, request.contentEncoding, this.settings.maxBodyBytes);
    const items = parseEvents(body.toString('utf8'), request.contentType);
    return this.pipeline.ingest(items, {
      serverId: server.id,
      source: 'webhook',
      dedupeKey: webhookDedupeKey,
    });
  }

  /** Streams a JSON array or JSONL (gzipped or not) into the pipeline in batches, in constant memory. */
  async upload(
    principal: Principal,
    serverId: string,
    source: AsyncIterable<Buffer | string>,
    onProgress?: (progress: UploadProgress) => void,
  ): Promise<UploadReport> {
    requireRole(principal, 'admin');
    await this.servers.get(principal, serverId);
    const context = { serverId, source: 'upload' as const, dedupeKey: createUploadDedupeKey() };
    const totals = { accepted: 0, duplicates: 0, rejectedCount: 0, items: 0 };
    const rejected: RejectedItem[] = [];
    const flush = async (batch: ParsedItem[]) => {
      const outcome = await this.pipeline.ingest(batch, context);
      totals.accepted += outcome.accepted;
      totals.duplicates += outcome.duplicates;
      totals.rejectedCount += outcome.rejected.length;
      totals.items += batch.length;
      rejected.push(...outcome.rejected.slice(0, MAX_REPORTED_REJECTIONS - rejected.length));
      onProgress?.({ items: totals.items, accepted: totals.accepted });
    };
    let batch: ParsedItem[] = [];
    try {
      for await (const item of readUpload(source)) {
        batch.push(item);
        if (batch.length >= UPLOAD_BATCH) {
          await flush(batch);
          batch = [];
        }
      }
    } catch (error) {
      if (!(error instanceof ValidationError) || totals.accepted + totals.duplicates === 0) throw error;
      // Batches before the fault are committed; say so, and that re-sending the fixed file is safe.
      throw new ValidationError(
        `${error.message} (${totals.accepted} events before this point were stored; uploading the corrected file again will not double them)`,
        error.details,
      );
    }
    if (batch.length > 0) await flush(batch);
    return {
      accepted: totals.accepted,
      duplicates: totals.duplicates,
      rejectedCount: totals.rejectedCount,
      rejected,
    };
  }

  private async enforceRateLimit(serverId: string, nowMs: number): Promise<void> {
    const { limit, windowSeconds } = this.settings.rateLimit;
    if (limit === 0) return;
    const windowMs = windowSeconds * 1000;
    const windowStart = Math.floor(nowMs / windowMs) * windowMs;
    const [count = 0] = await this.count([{ key: `webhook:${serverId}`, windowStart, cost: 1 }]);
    if (count > limit)
      throw new RateLimitError(Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000)));
  }
}
