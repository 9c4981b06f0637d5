import { randomUUID } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SentinelError } from '../core/index.js';
import type { ToolOutput } from './tool.js';
import { envelopeNotice, envelopeTag, wrapUntrusted } from './untrusted-envelope.js';

/** Where unexpected errors go in full (stderr in stdio, the Fastify logger over HTTP). */
export type ErrorLogger = (error: unknown, reference: string) => void;

/**
 * One text block for the model (guidance, the envelope notice, then the data inside the envelope)
 * and the same data as structuredContent for programs (MCP 2025-06-18 §Tools: structured content
 * with a serialized copy in a text block).
 */
export function successResult(output: ToolOutput<Record<string, unknown>>): CallToolResult {
  const tag = envelopeTag();
  const text = `${output.guidance}\n\n${envelopeNotice(tag)}\n${wrapUntrusted(output.data, tag)}`;
  return { content: [{ type: 'text', text }], structuredContent: output.data };
}

/**
 * The one error boundary of the MCP surface: Sentinel's own errors keep their message, code and
 * field details; anything else becomes a generic message with a reference (no stacks, paths, hosts).
 */
export function errorResult(error: unknown, log: ErrorLogger): CallToolResult {
  return { content: [{ type: 'text', text: errorText(error, log) }], isError: true };
}

export function errorText(error: unknown, log: ErrorLogger): string {
  if (error instanceof SentinelError) {
    const details = error.details.map((d) => `\n- ${d.path ? `${d.path}: ` : ''}${d.message}`).join('');
    return `Error (${error.code}): ${error.message}${details}`;
  }
  const reference = randomUUID();
  log(error, reference);
  return `Error (internal): Sentinel could not complete this call; the server log has the details under reference ${reference}.`;
}
