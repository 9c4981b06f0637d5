import type { Finding, McpEvent } from '../core/index.js';
import type { Rule } from '../detect/index.js';

/**
 * Messages to a detection thread. Rules travel only when they change; a scan names the version it
 * expects so a thread never answers with findings of other rules than the main thread's.
 */
export type DetectionRequest =
  | { readonly type: 'rules'; readonly version: number; readonly rules: readonly Rule[] }
  | {
      readonly type: 'scan';
      readonly id: number;
      readonly version: number;
      readonly events: readonly McpEvent[];
    };

/** Messages from a detection thread: `ready` once its module graph is loaded, then one reply per scan. */
export type DetectionReply =
  | { readonly type: 'ready' }
  | { readonly type: 'scanned'; readonly id: number; readonly findings: Finding[][] }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
