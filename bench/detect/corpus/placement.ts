import type { EventFields } from './corpus-line.js';
import type { Rng } from './rng.js';

/**
 * Where real producers put a tool call's arguments: the webhook's `arguments`, a gateway's
 * `metadata.arguments`, flat `metadata` keys (`metadata.file_path`), or a forwarded JSON-RPC
 * `params` object (an unknown top-level field, so Sentinel keeps it under metadata).
 */
export type ArgumentStyle = 'arguments' | 'metadata-arguments' | 'metadata-field' | 'jsonrpc-params';

export const ARGUMENT_STYLES: readonly ArgumentStyle[] = [
  'arguments',
  'arguments',
  'metadata-arguments',
  'metadata-field',
  'jsonrpc-params',
];

/** A `tools/call` event carrying `args` in the given style. */
export function toolCall(
  tool: string,
  args: Record<string, unknown>,
  style: ArgumentStyle,
  response?: unknown,
): EventFields {
  const event: EventFields = { tool, method: 'tools/call' };
  if (style === 'arguments') event.arguments = args;
  if (style === 'metadata-arguments') event.metadata = { arguments: args, transport: 'stdio' };
  if (style === 'metadata-field') event.metadata = { ...flatMetadata(args), operation: tool };
  if (style === 'jsonrpc-params') event['params'] = { name: tool, arguments: args };
  if (response !== undefined) event.response = response;
  return event;
}

/** Gateways that flatten arguments into metadata name a path `file_path` (ARCHITECTURE.md example). */
function flatMetadata(args: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) out[key === 'path' ? 'file_path' : key] = value;
  return out;
}

/** How a tool result reaches the webhook: plain text, an MCP result object, or that object as a JSON string. */
export type ResponseShape = 'text' | 'mcp-string' | 'mcp-object' | 'mcp-multi';

export const RESPONSE_SHAPES: readonly ResponseShape[] = [
  'text',
  'text',
  'mcp-string',
  'mcp-object',
  'mcp-multi',
];

/** Wraps tool output text the way the chosen producer would send it. */
export function shapeResponse(text: string, shape: ResponseShape): unknown {
  if (shape === 'text') return text;
  const content = [{ type: 'text', text }];
  if (shape === 'mcp-string') return JSON.stringify({ content });
  if (shape === 'mcp-object') return { content, isError: false };
  return { content: [{ type: 'text', text: 'Result 1 of 1' }, ...content] };
}

export type Position = 'start' | 'middle' | 'end';
export const POSITIONS: readonly Position[] = ['start', 'middle', 'end'];

/** Puts a short payload inside longer ordinary text, at a paragraph or sentence boundary. */
export function embed(payload: string, around: string, position: Position): string {
  if (position === 'start') return `${payload}\n\n${around}`;
  if (position === 'end') return `${around}\n\n${payload}`;
  const middle = Math.floor(around.length / 2);
  let cut = around.indexOf('\n', middle);
  if (cut < 0) cut = around.indexOf('. ', middle) + 1;
  if (cut <= 0) cut = middle;
  return `${around.slice(0, cut)}\n${payload}\n${around.slice(cut)}`;
}

/** Picks an argument style and response shape together, for one attack or benign draft. */
export function pickShapes(rng: Rng): { style: ArgumentStyle; shape: ResponseShape; position: Position } {
  return {
    style: rng.pick(ARGUMENT_STYLES),
    shape: rng.pick(RESPONSE_SHAPES),
    position: rng.pick(POSITIONS),
  };
}
