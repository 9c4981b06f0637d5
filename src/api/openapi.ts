import type { z } from 'zod';
import {
  alertQuerySchema,
  analyticsRuleSchema,
  apiKeyCreateSchema,
  eventQuerySchema,
  findingQuerySchema,
  rescanSchema,
  ruleSettingSchema,
  savedQuerySchema,
} from '../app/index.js';
import { serverCreateSchema, serverUpdateSchema, webhookEventSchema } from '../core/index.js';
import { ruleSchema } from '../detect/index.js';
import { dashboardOpenApiPaths } from './openapi-dashboard.js';
import { gatewayOpenApiPaths } from './openapi-gateway.js';
import { huntOpenApiPaths } from './openapi-hunt.js';
import { errorResponse, errors, idParam as id, type Json, json, schema } from './openapi-parts.js';
import { triageOpenApiPaths } from './openapi-triage.js';

const body = (ref: string) => ({
  required: true,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const ruleId = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];

function queryParameters(type: z.ZodType): Json[] {
  const { properties } = schema(type) as { properties: Record<string, Json> };
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', schema: s }));
}

/** The OpenAPI 3.1 description of the REST API, served at /api/openapi.json. */
export function openApiDocument(version: string): Json {
  return {
    openapi: '3.1.0',
    info: { title: 'MCP Sentinel', version },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      schemas: {
        WebhookEvent: schema(webhookEventSchema),
        ServerCreate: schema(serverCreateSchema),
        ServerUpdate: schema(serverUpdateSchema),
        ApiKeyCreate: schema(apiKeyCreateSchema),
        Rule: schema(ruleSchema),
        RuleSetting: schema(ruleSettingSchema),
        Rescan: schema(rescanSchema),
        SavedQuery: schema(savedQuerySchema),
        AnalyticsRule: schema(analyticsRuleSchema),
        Error: {
          type: 'object',
          required: ['error', 'requestId'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                details: { type: 'array', items: { type: 'object' } },
                position: { type: 'object' },
              },
            },
            requestId: { type: 'string' },
          },
        },
      },
    },
    security: [{ bearer: [] }, { apiKey: [] }],
    paths: {
      ...triageOpenApiPaths(),
      ...huntOpenApiPaths(),
      ...gatewayOpenApiPaths(),
      ...dashboardOpenApiPaths(),
      '/health': {
        get: { summary: 'Liveness and store reachability', security: [], responses: { '200': json('OK') } },
      },
      '/metrics': {
        get: { summary: 'Prometheus metrics', security: [], responses: { '200': { description: 'text' } } },
      },
      '/api/mcp/webhook/{id}': {
        post: {
          summary:
            'Send events: one, an array, or NDJSON; gzip allowed. Authenticated with the server’s credentials.',
          parameters: id,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/WebhookEvent' },
                    { type: 'array', items: { $ref: '#/components/schemas/WebhookEvent' } },
                  ],
                },
              },
              'application/x-ndjson': { schema: { type: 'string' } },
            },
          },
          responses: {
            '202': json('Stored'),
            ...errors,
            '413': errorResponse,
            '415': errorResponse,
            '429': errorResponse,
          },
        },
      },
      '/api/servers': {
        get: { summary: 'List servers', responses: { '200': json('Servers'), ...errors } },
        post: {
          summary: 'Register a server',
          requestBody: body('ServerCreate'),
          responses: { '201': json('Created, with credentials once'), ...errors },
        },
      },
      '/api/servers/{id}': {
        get: { summary: 'Get a server', parameters: id, responses: { '200': json('Server'), ...errors } },
        patch: {
          summary: 'Update a server',
          parameters: id,
          requestBody: body('ServerUpdate'),
          responses: { '200': json('Updated'), ...errors },
        },
        delete: {
          summary: 'Unregister a server',
          parameters: id,
          responses: { '204': { description: 'Deleted' }, ...errors },
        },
      },
      '/api/servers/{id}/credentials/rotate': {
        post: {
          summary: 'Rotate webhook credentials',
          parameters: id,
          responses: { '200': json('New credentials, once'), ...errors },
        },
      },
      '/api/servers/{id}/tools': {
        get: {
          summary: 'Tool definitions the proxy pinned, with pending changes',
          parameters: id,
          responses: { '200': json('Pins'), ...errors },
        },
      },
      '/api/servers/{id}/tools/{name}/approve': {
        post: {
          summary: 'Make a changed tool definition the new pin (releases a hidden tool)',
          parameters: [...id, { name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': json('The pin'), ...errors },
        },
      },
      '/api/servers/{id}/uploads': {
        post: {
          summary: 'Upload a JSON array / JSONL / gzip log file',
          parameters: id,
          requestBody: {
            required: true,
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          responses: { '201': json('Upload report'), ...errors },
        },
      },
      '/api/events': {
        get: {
          summary: 'List events, newest first',
          parameters: queryParameters(eventQuerySchema),
          responses: { '200': json('A page of events'), ...errors },
        },
      },
      '/api/events/{id}': {
        get: { summary: 'Get an event', parameters: id, responses: { '200': json('Event'), ...errors } },
      },
      '/api/keys': {
        get: { summary: 'List API keys', responses: { '200': json('Keys'), ...errors } },
        post: {
          summary: 'Create an API key',
          requestBody: body('ApiKeyCreate'),
          responses: { '201': json('The key, once'), ...errors },
        },
      },
      '/api/keys/{id}': {
        delete: {
          summary: 'Revoke an API key',
          parameters: id,
          responses: { '200': json('Revoked'), ...errors, '409': errorResponse },
        },
      },
      '/api/rules': {
        get: {
          summary: 'The rule catalogue with overrides and counts',
          responses: { '200': json('Rules'), ...errors },
        },
        post: {
          summary: 'Create a custom rule',
          requestBody: body('Rule'),
          responses: { '201': json('Created'), ...errors, '409': errorResponse },
        },
      },
      '/api/rules/{id}': {
        get: { summary: 'One rule', parameters: ruleId, responses: { '200': json('Rule'), ...errors } },
        patch: {
          summary: 'Enable/disable a rule or change its severity or action',
          parameters: ruleId,
          requestBody: body('RuleSetting'),
          responses: { '200': json('Rule'), ...errors },
        },
        put: {
          summary: 'Replace a custom rule',
          parameters: ruleId,
          requestBody: body('Rule'),
          responses: { '200': json('Rule'), ...errors, '409': errorResponse },
        },
        delete: {
          summary: 'Delete a custom rule',
          parameters: ruleId,
          responses: { '204': { description: 'Deleted' }, ...errors, '409': errorResponse },
        },
      },
      '/api/rules/{id}/override': {
        delete: {
          summary: 'Drop an admin override',
          parameters: ruleId,
          responses: { '200': json('Rule'), ...errors },
        },
      },
      '/api/alerts': {
        get: {
          summary: 'List alerts',
          parameters: queryParameters(alertQuerySchema),
          responses: { '200': json('A page of alerts'), ...errors },
        },
      },
      '/api/alerts/{id}': {
        get: {
          summary: 'An alert with its findings and events',
          parameters: id,
          responses: { '200': json('Alert'), ...errors },
        },
      },
      '/api/findings': {
        get: {
          summary: 'List findings',
          parameters: queryParameters(findingQuerySchema),
          responses: { '200': json('A page of findings'), ...errors },
        },
      },
      '/api/rescan': {
        post: {
          summary: 'Re-run detection over a time range',
          requestBody: body('Rescan'),
          responses: { '200': json('Report'), ...errors },
        },
      },
      '/api/audit': {
        get: {
          summary: 'Audit log, newest first',
          responses: { '200': json('A page of entries'), ...errors },
        },
      },
      '/api/saved-queries': {
        get: { summary: 'List saved KQL queries', responses: { '200': json('Saved queries'), ...errors } },
        post: {
          summary: 'Save a KQL query (validated; responder)',
          requestBody: body('SavedQuery'),
          responses: { '201': json('Created'), ...errors, '409': errorResponse },
        },
      },
      '/api/saved-queries/{id}': {
        get: {
          summary: 'One saved query',
          parameters: id,
          responses: { '200': json('Saved query'), ...errors },
        },
        put: {
          summary: 'Replace a saved query',
          parameters: id,
          requestBody: body('SavedQuery'),
          responses: { '200': json('Updated'), ...errors, '409': errorResponse },
        },
        delete: {
          summary: 'Delete a saved query',
          parameters: id,
          responses: { '204': { description: 'Deleted' }, ...errors },
        },
      },
      '/api/analytics-rules': {
        get: { summary: 'List scheduled analytics rules', responses: { '200': json('Rules'), ...errors } },
        post: {
          summary: 'Create a scheduled analytics rule (validated; admin)',
          requestBody: body('AnalyticsRule'),
          responses: { '201': json('Created'), ...errors, '409': errorResponse },
        },
      },
      '/api/analytics-rules/{id}': {
        get: { summary: 'One analytics rule', parameters: id, responses: { '200': json('Rule'), ...errors } },
        put: {
          summary: 'Replace an analytics rule',
          parameters: id,
          requestBody: body('AnalyticsRule'),
          responses: { '200': json('Updated'), ...errors, '409': errorResponse },
        },
        delete: {
          summary: 'Delete an analytics rule',
          parameters: id,
          responses: { '204': { description: 'Deleted' }, ...errors },
        },
      },
      '/api/analytics-rules/{id}/run': {
        post: {
          summary: 'Run an analytics rule now; raises alerts above its threshold',
          parameters: id,
          responses: { '200': json('Run summary'), ...errors },
        },
      },
    },
  };
}
