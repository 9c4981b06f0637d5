import { approvalDecisionSchema, approvalQuerySchema, upstreamAuthSchema } from '../app/index.js';
import {
  bodyOf as body,
  errorResponse,
  errors,
  idParam as id,
  type Json,
  json,
  schema,
} from './openapi-parts.js';

/** The REST paths of the HTTP gateway: upstream credentials and the approval queue (the MCP paths are MCP, not REST). */
export function gatewayOpenApiPaths(): Record<string, Json> {
  const { properties } = schema(approvalQuerySchema) as { properties: Record<string, Json> };
  return {
    '/api/servers/{id}/upstream-auth': {
      get: {
        summary:
          'The credential the gateway presents upstream: kind and header name, never the value (viewer)',
        parameters: id,
        responses: { '200': json('{ type, headerName, updatedAt, updatedBy }'), ...errors },
      },
      put: {
        summary: 'Set or clear the upstream credential; stored encrypted, audited (admin)',
        parameters: id,
        requestBody: body(upstreamAuthSchema),
        responses: { '200': json('{ type, headerName, updatedAt, updatedBy }'), ...errors },
      },
    },
    '/api/approvals': {
      get: {
        summary: 'Calls held by approve rules, newest first (viewer)',
        parameters: Object.entries(properties).map(([name, s]) => ({ name, in: 'query', schema: s })),
        responses: { '200': json('{ items }'), ...errors },
      },
    },
    '/api/approvals/{id}': {
      get: {
        summary: 'One held call (viewer)',
        parameters: id,
        responses: { '200': json('Approval'), ...errors },
      },
    },
    '/api/approvals/{id}/decision': {
      post: {
        summary: 'Approve or deny a held call; audited (admin)',
        parameters: id,
        requestBody: body(approvalDecisionSchema),
        responses: { '200': json('The decided approval'), ...errors, '409': errorResponse },
      },
    },
  };
}
