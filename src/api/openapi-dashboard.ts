import { errorResponse, type Json, json } from './openapi-parts.js';

const errors = { '400': errorResponse, '401': errorResponse, '403': errorResponse };
const filters = ['server', 'user', 'agent', 'tool', 'method', 'session', 'q'].map((name) => ({
  name,
  in: 'query',
  schema: { type: 'string' },
}));

/** The paths the web dashboard added: the live event tail, rule trial and node information. */
export function dashboardOpenApiPaths(): Record<string, Json> {
  return {
    '/api/events/stream': {
      get: {
        summary:
          'Live tail of new events as server-sent events (`event: mcp-event`, data = the event) (viewer)',
        parameters: filters,
        responses: {
          '200': {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          ...errors,
          '429': errorResponse,
        },
      },
    },
    '/api/rules/try': {
      post: {
        summary: 'Run a draft rule on one webhook-format event; nothing is stored (viewer)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['rule', 'event'],
                properties: {
                  rule: { $ref: '#/components/schemas/Rule' },
                  event: { $ref: '#/components/schemas/WebhookEvent' },
                },
              },
            },
          },
        },
        responses: { '200': json('{findings, verdict}'), ...errors },
      },
    },
    '/api/about': {
      get: {
        summary:
          "This node's version, store backend and operator switches, and the caller's key name and role",
        responses: { '200': json('About this node'), '401': errorResponse },
      },
    },
    '/api/settings/retention': {
      get: {
        summary:
          'The retention window (SENTINEL_RETENTION_DAYS), the last retention run and how many events the next run would delete (viewer)',
        responses: {
          '200': json('{days, cutoff, lastRun, dueEvents, intervalSeconds}'),
          '401': errorResponse,
        },
      },
    },
  };
}
