import { createHash } from 'node:crypto';
import type { McpEvent } from '../core/index.js';

/** Webhook: only the producer's `id` makes a retry idempotent; identical events without one are all kept. */
export function webhookDedupeKey(_raw: unknown, event: McpEvent): string | null {
  return event.externalId === null ? null : `id:${event.externalId}`;
}

/**
 * Uploads: the producer's `id`, else the event's content plus how many identical events came
 * before it in this file, so uploading a file twice stores it once while true repeats inside
 * one file are all kept.
 */
export function createUploadDedupeKey(): (raw: unknown, event: McpEvent) => string {
  const seen = new Map<string, number>();
  return (raw, event) => {
    if (event.externalId !== null) return `id:${event.externalId}`;
    const digest = createHash('sha256').update(JSON.stringify(raw)).digest('base64url');
    const occurrence = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, occurrence);
    return `sha:${digest}:${occurrence}`;
  };
}
