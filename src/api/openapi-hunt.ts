import { huntRequestSchema } from '../app/index.js';
import { type Json, json, schema } from './openapi-parts.js';

const errorResponse = {
  description:
    'Error; a wrong query has `error.diagnostics` (code, severity, message, line, column, offset, length)',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

/** The hunting (KQL) paths of the OpenAPI document. */
export function huntOpenApiPaths(): Record<string, Json> {
  return {
    '/api/hunt': {
      post: {
        summary: 'Run a KQL query read-only (viewer); rows, columns with types, statistics, render hint',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: schema(huntRequestSchema) } },
        },
        responses: {
          '200': json('columns, rows, render, statistics'),
          '400': errorResponse,
          '401': errorResponse,
          '422': errorResponse,
        },
      },
    },
    '/api/hunt/validate': {
      post: {
        summary: 'Validate a KQL query with the official parser (viewer)',
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { type: 'object', properties: { query: { type: 'string' } } } },
          },
        },
        responses: { '200': json('{ valid, diagnostics }'), '401': errorResponse },
      },
    },
    '/api/hunt/schema': {
      get: { summary: 'Hunting tables and columns (viewer)', responses: { '200': json('{ tables }') } },
    },
  };
}
