import type { Application } from '../app/index.js';
import { type Principal, roleAllows, ValidationError } from '../core/index.js';
import { TOOLSETS, type Tool, type Toolset } from './tool.js';
import { activityTools } from './tools/activity.js';
import { alertReadTools } from './tools/alerts.js';
import { auditTools } from './tools/audit.js';
import { compositeTools } from './tools/composite.js';
import { dataSubjectTools } from './tools/data-subject.js';
import { eventTools } from './tools/events.js';
import { huntingTools } from './tools/hunting.js';
import { postureTools } from './tools/posture.js';
import { proxyTools } from './tools/proxy.js';
import { ruleTools } from './tools/rules.js';
import { serverTools } from './tools/servers.js';
import { triageTools } from './tools/triage.js';

/** Every static tool; saved-query tools are added per caller (they live in the store). */
export const STATIC_TOOLS: readonly Tool[] = [
  ...alertReadTools,
  ...compositeTools,
  ...triageTools,
  ...eventTools,
  ...serverTools,
  ...ruleTools,
  ...activityTools,
  ...postureTools,
  ...huntingTools,
  ...dataSubjectTools,
  ...auditTools,
  ...proxyTools,
];

/** Compact mode lists at most this many tools (many clients degrade past it). */
export const COMPACT_LIMIT = 25;

/** What an operator exposes: SENTINEL_ENABLE_WRITE_OPS, SENTINEL_MCP_TOOLSETS, SENTINEL_MCP_MODE. */
export interface Exposure {
  readonly enableWriteOps: boolean;
  /** Empty: every toolset. */
  readonly toolsets: readonly Toolset[];
  readonly mode: 'full' | 'compact';
}

/** Reads the exposure settings, refusing toolset names that do not exist (a typo would hide tools). */
export function exposureOf(settings: {
  enableWriteOps: boolean;
  toolsets: readonly string[];
  mode: 'full' | 'compact';
}): Exposure {
  const unknown = settings.toolsets.filter((name) => !(TOOLSETS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new ValidationError(
      `SENTINEL_MCP_TOOLSETS: unknown toolset(s) ${unknown.join(', ')}; known: ${TOOLSETS.join(', ')}`,
    );
  }
  return {
    enableWriteOps: settings.enableWriteOps,
    toolsets: settings.toolsets as Toolset[],
    mode: settings.mode,
  };
}

/**
 * The tools this caller may run: within their role, write tools only when write operations are
 * on, only the chosen toolsets, only use cases this build has. Tools outside this set are neither
 * listed nor callable, not even through `call_tool`.
 */
export function permittedTools(
  app: Application,
  principal: Principal,
  exposure: Exposure,
  tools: readonly Tool[],
): Tool[] {
  return tools.filter(
    (tool) =>
      roleAllows(principal.role, tool.role) &&
      (exposure.enableWriteOps || tool.tier === 'read') &&
      (exposure.toolsets.length === 0 ||
        tool.toolset === 'context' ||
        exposure.toolsets.includes(tool.toolset)) &&
      tool.available(app),
  );
}

/** What `tools/list` shows: everything in full mode; in compact mode the everyday tools, capped. */
export function listedTools(permitted: readonly Tool[], mode: Exposure['mode'], reserved: number): Tool[] {
  if (mode === 'full') return [...permitted];
  return permitted.filter((tool) => tool.everyday).slice(0, COMPACT_LIMIT - reserved);
}
