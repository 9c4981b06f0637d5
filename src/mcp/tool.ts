import { z } from 'zod';
import type { Application } from '../app/index.js';
import { type Principal, type Role, ValidationError, zodDetails } from '../core/index.js';

/** Tool groups an operator can expose with SENTINEL_MCP_TOOLSETS. `context` is always on. */
export const TOOLSETS = [
  'alerts',
  'events',
  'servers',
  'rules',
  'activity',
  'posture',
  'hunting',
  'audit',
  'data',
  'proxy',
  'context',
] as const;
export type Toolset = (typeof TOOLSETS)[number];

/** Read tools, then the six write tiers of issue 5, from harmless to destructive. */
export const TIERS = [
  'read',
  'additive',
  'state',
  'trigger',
  'configuration',
  'metadata',
  'destructive',
] as const;
export type Tier = (typeof TIERS)[number];

/** The lowest role that may see a tier's tools (the app layer checks again on every call). */
export const TIER_ROLE: Readonly<Record<Tier, Role>> = {
  read: 'viewer',
  additive: 'responder',
  state: 'responder',
  trigger: 'admin',
  configuration: 'admin',
  metadata: 'admin',
  destructive: 'admin',
};

/** What the caller's server exposes; the `context` tools (whoami, search_tools, call_tool) read it. */
export interface ToolSession {
  readonly permitted: readonly Tool[];
  readonly listedNames: ReadonlySet<string>;
  readonly writeOperations: boolean;
  readonly toolsets: readonly string[];
  readonly mode: 'full' | 'compact';
}

export interface ToolContext {
  readonly app: Application;
  readonly principal: Principal;
  readonly session: ToolSession;
}

/**
 * What a handler returns: `data` (which may hold captured, attacker-written text and is always
 * shown inside the untrusted envelope) and `guidance` (Sentinel's own words: a summary and what to
 * call next). Guidance must never quote captured text.
 */
export interface ToolOutput<T> {
  readonly data: T;
  readonly guidance: string;
}

export interface ToolSpec<I extends z.ZodRawShape, O extends z.ZodRawShape> {
  readonly name: string;
  readonly title: string;
  /** When to use it and what to chain next; the agent picks tools by this text. */
  readonly description: string;
  readonly toolset: Toolset;
  readonly tier: Tier;
  /** The lowest role that sees it, when stricter than its tier's (e.g. the admin-only audit log). */
  readonly role?: Role;
  /** Listed in compact mode. */
  readonly everyday?: boolean;
  /** Overrides the tier's default for idempotentHint. */
  readonly idempotent?: boolean;
  /** False while the use case it calls is not part of the application (optional features). */
  readonly available?: (app: Application) => boolean;
  readonly input: I;
  readonly output: O;
  readonly handler: (
    context: ToolContext,
    args: z.output<z.ZodObject<I>>,
  ) => Promise<ToolOutput<Record<string, unknown>>>;
}

export interface ToolAnnotations {
  readonly title: string;
  readonly readOnlyHint: boolean;
  readonly destructiveHint: boolean;
  readonly idempotentHint: boolean;
  readonly openWorldHint: boolean;
}

/** A tool with its types erased, as the registry and the server hold it. */
export interface Tool {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly toolset: Toolset;
  readonly tier: Tier;
  readonly role: Role;
  readonly everyday: boolean;
  readonly annotations: ToolAnnotations;
  readonly inputShape: z.ZodRawShape;
  readonly outputShape: z.ZodRawShape;
  /** Built once: servers are built per request over HTTP, schemas need not be. */
  readonly inputSchema: z.ZodObject;
  readonly outputSchema: z.ZodObject;
  available(app: Application): boolean;
  /** Validates `args` with the input schema (same rules for direct calls and `call_tool`), then runs. */
  invoke(context: ToolContext, args: unknown): Promise<ToolOutput<Record<string, unknown>>>;
}

export const TOOL_NAME = /^[a-z][a-z0-9_]{2,63}$/;

/** Declares one tool: its schemas, annotations derived from its tier, and its handler. */
export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(spec: ToolSpec<I, O>): Tool {
  const input = z.strictObject(spec.input);
  const outputSchema = z.object(spec.output);
  const read = spec.tier === 'read';
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    toolset: spec.toolset,
    tier: spec.tier,
    role: spec.role ?? TIER_ROLE[spec.tier],
    everyday: spec.everyday ?? false,
    annotations: {
      title: spec.title,
      readOnlyHint: read,
      destructiveHint: spec.tier === 'destructive',
      idempotentHint: spec.idempotent ?? (read || spec.tier !== 'additive'),
      // Sentinel's tools act on Sentinel's own store, not on the outside world.
      openWorldHint: false,
    },
    inputShape: spec.input,
    outputShape: spec.output,
    inputSchema: input,
    outputSchema,
    available: spec.available ?? (() => true),
    invoke: async (context, args) => {
      const parsed = input.safeParse(args ?? {});
      if (!parsed.success) {
        throw new ValidationError(`invalid arguments for ${spec.name}`, zodDetails(parsed.error));
      }
      const output = await spec.handler(context, parsed.data);
      // The declared outputSchema is a promise to clients; a mismatch is our bug, not theirs.
      const checked = outputSchema.safeParse(output.data);
      if (!checked.success) {
        throw new Error(`${spec.name} produced output outside its schema: ${checked.error.message}`);
      }
      return output;
    },
  };
}
