import type { z } from 'zod';
import {
  accessGraphQuerySchema,
  activityQuerySchema,
  alertTrendsQuerySchema,
  assignSchema,
  bulkSchema,
  commentSchema,
  complianceQuerySchema,
  eventStatisticsQuerySchema,
  postureQuerySchema,
  purgeSchema,
  transitionSchema,
} from '../app/index.js';
import { bodyOf as body, errorResponse, errors, type Json, json, schema } from './openapi-parts.js';

const path = (name: string, format?: string) => [
  { name, in: 'path', required: true, schema: { type: 'string', ...(format ? { format } : {}) } },
];
const alertId = path('id', 'uuid');

function query(type: z.ZodType): Json[] {
  const { properties } = schema(type) as { properties: Record<string, Json> };
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', schema: s }));
}

/** Alert triage, posture, compliance, activity and data subject routes (see README "Alert triage"). */
export function triageOpenApiPaths(): Json {
  const read = (summary: string, parameters: Json[] = []) => ({
    get: { summary, parameters, responses: { '200': json('OK'), ...errors } },
  });
  return {
    '/api/alerts/{id}/transition': {
      post: {
        summary:
          'Move an alert to new, in_progress, resolved or dismissed (a reason when closing; responder)',
        parameters: alertId,
        requestBody: body(transitionSchema),
        responses: { '200': json('The alert'), ...errors, '409': errorResponse },
      },
    },
    '/api/alerts/{id}/assign': {
      post: {
        summary: 'Assign an alert (null unassigns; responder)',
        parameters: alertId,
        requestBody: body(assignSchema),
        responses: { '200': json('The alert'), ...errors },
      },
    },
    '/api/alerts/{id}/comments': {
      post: {
        summary: 'Append a comment of 1 to 1,000 characters (responder)',
        parameters: alertId,
        requestBody: body(commentSchema),
        responses: { '201': json('The history entry'), ...errors },
      },
    },
    '/api/alerts/{id}/history': read('Status changes, assignments and comments, oldest first', alertId),
    '/api/alerts/bulk': {
      post: {
        summary: 'The same transition on up to 500 alerts; a result per alert (responder)',
        requestBody: body(bulkSchema),
        responses: { '200': json('Per-alert results'), ...errors },
      },
    },
    '/api/alerts/trends': read(
      'Alerts raised per day by severity, status, rule or server',
      query(alertTrendsQuerySchema),
    ),
    '/api/posture': read(
      'Security rating, trend, alert counts, riskiest entities',
      query(postureQuerySchema),
    ),
    '/api/compliance': read(
      'Findings and open alerts by OWASP LLM Top 10 and MITRE ATLAS',
      query(complianceQuerySchema),
    ),
    '/api/activity/users/{user}': read("A user's events, tools, servers, agents, findings, alerts", [
      ...path('user'),
      ...query(activityQuerySchema),
    ]),
    '/api/activity/servers/{id}': read("A server's users, tools, agents, findings, open alerts", [
      ...path('id', 'uuid'),
      ...query(activityQuerySchema),
    ]),
    '/api/activity/graph': read(
      'Access graph user -> agent -> server -> tool -> resource',
      query(accessGraphQuerySchema),
    ),
    '/api/tools': read('Tool inventory with first/last seen, calls and pin status', [
      { name: 'server', in: 'query', schema: { type: 'string', format: 'uuid' } },
    ]),
    '/api/events/statistics': read(
      'Events, errors and findings per hour or day',
      query(eventStatisticsQuerySchema),
    ),
    '/api/data-subjects/events': read('Events mentioning a person; format=jsonl exports them all', [
      {
        name: 'subject',
        in: 'query',
        required: true,
        schema: { type: 'string', minLength: 3, maxLength: 256 },
      },
      { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'jsonl'] } },
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
      { name: 'cursor', in: 'query', schema: { type: 'string' } },
    ]),
    '/api/events/purge': {
      post: {
        summary:
          'Delete events (and their findings) by time range, server or data subject; confirm "PURGE" (admin)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  schema(purgeSchema),
                  { type: 'object', required: ['confirm'], properties: { confirm: { const: 'PURGE' } } },
                ],
              },
            },
          },
        },
        responses: { '200': json('Counts of what was deleted'), ...errors },
      },
    },
  };
}
