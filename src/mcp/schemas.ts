import { z } from 'zod';
import { isId } from '../core/index.js';

/** Shared input and output schemas of Sentinel's MCP tools. */

/** A UUIDv7 checked before any lookup, so a bad id is a clear 400-style error, not a miss. */
export const idInput = (what: string) =>
  z
    .string()
    .max(64)
    .refine(isId, `must be a ${what} id (a UUID such as 0192f8a4-7c1e-7b3a-9f00-1c2d3e4f5a6b)`)
    .describe(`The ${what} id (UUID).`);

export const limitInput = (max = 100, fallback = 20) =>
  z.number().int().min(1).max(max).default(fallback).describe(`How many to return (1-${max}).`);

export const cursorInput = z
  .string()
  .min(1)
  .max(500)
  .optional()
  .describe('`nextCursor` from the previous page, to continue.');

export const isoTimeInput = (what: string) =>
  z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date-time')
    .describe(`${what} (ISO 8601, e.g. 2026-11-01T00:00:00Z).`);

export const daysInput = z.number().int().min(1).max(90).default(7).describe('Look-back in days (1-90).');

/** Destructive tools run only when the agent passes the literal word, after asking the user. */
export const purgeConfirm = z
  .literal('PURGE', { message: 'destructive: pass confirm: "PURGE" after the user has explicitly agreed' })
  .describe('Must be exactly "PURGE". Ask the user first; this cannot be undone.');

const stamp = z.string();

export const alertOutput = z.looseObject({
  id: z.string(),
  ruleId: z.string(),
  title: z.string(),
  severity: z.string(),
  category: z.string(),
  serverId: z.string(),
  user: z.string().nullable(),
  status: z.string(),
  findingCount: z.number(),
  firstSeen: stamp,
  lastSeen: stamp,
});

export const findingOutput = z.looseObject({
  id: z.string(),
  eventId: z.string(),
  alertId: z.string().nullable(),
  serverId: z.string(),
  ruleId: z.string(),
  title: z.string(),
  severity: z.string(),
  category: z.string(),
  field: z.string(),
  evidence: z.string(),
  timestamp: stamp,
});

export const eventOutput = z.looseObject({
  id: z.string(),
  serverId: z.string(),
  timestamp: stamp,
  user: z.string().nullable(),
  agent: z.string().nullable(),
  tool: z.string().nullable(),
  method: z.string().nullable(),
  prompt: z.string().nullable(),
  response: z.string().nullable(),
  arguments: z.record(z.string(), z.unknown()).nullable(),
  metadata: z.record(z.string(), z.unknown()),
});

export const serverOutput = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  endpointUrl: z.string().nullable(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  auth: z.looseObject({}),
  createdAt: stamp,
  updatedAt: stamp,
});

export const ruleOutput = z.looseObject({
  id: z.string(),
  title: z.string(),
  severity: z.string(),
  category: z.string(),
  enabled: z.boolean(),
  action: z.string(),
  source: z.string(),
  alertCount: z.number(),
  findingCount: z.number(),
});

export const nextCursorOutput = z.string().nullable().describe('Pass as `cursor` for the next page.');

/** Free-form records whose exact shape belongs to the app layer (aggregations, graphs). */
export const recordOutput = z.record(z.string(), z.unknown());

/*
 * Results of use cases other parts own (triage, posture, compliance, activity, data subjects):
 * the fields an agent relies on are declared; the rest pass through (looseObject), so those parts
 * may add fields without breaking this surface's outputSchema.
 */

export const alertEventOutput = z.looseObject({
  id: z.string(),
  alertId: z.string(),
  at: stamp,
  actor: z.string(),
  kind: z.string(),
  text: z.string().nullable(),
});

const breakdown = z.array(z.looseObject({}));

export const postureOutput = z.looseObject({
  rating: z.looseObject({ score: z.number(), grade: z.string(), components: z.array(z.looseObject({})) }),
  trend: z.array(z.looseObject({ day: z.string(), score: z.number() })),
  alertsBySeverity: z.record(z.string(), z.number()),
  alertsByStatus: z.record(z.string(), z.number()),
  riskiestServers: breakdown,
  riskiestUsers: breakdown,
  riskiestTools: breakdown,
  detectionTrend: breakdown,
  latestCritical: z.array(alertOutput),
});

export const complianceOutput = z.looseObject({
  owasp: z.looseObject({ items: z.array(z.looseObject({})) }).optional(),
  atlas: z.looseObject({ tactics: z.array(z.looseObject({})) }).optional(),
});

export const userActivityOutput = z.looseObject({
  user: z.string(),
  events: z.number(),
  tools: breakdown,
  servers: breakdown,
});

export const serverActivityOutput = z.looseObject({
  server: serverOutput,
  events: z.number(),
  users: breakdown,
  tools: breakdown,
});

export const toolInventoryOutput = z.array(z.looseObject({ serverId: z.string(), serverName: z.string() }));

export const eventPageOutput = z.looseObject({
  items: z.array(eventOutput),
  nextCursor: z.string().nullable(),
});
