import type { McpEvent } from '../core/index.js';
import type { FieldRole, ScanField } from './detector.js';

/** Values longer than this are scanned only up to it: attacks sit early, and work per field stays bounded. */
export const DEFAULT_MAX_FIELD_CHARS = 1_000_000;
/** Deeper nesting is not walked; no real MCP payload comes close. */
const MAX_DEPTH = 32;
/** An event with more string values than this is scanned on its first ones only. */
const MAX_FIELDS = 10_000;

/** Under metadata, these keys hold tool-call arguments (`metadata.arguments.path` is an argument). */
const ARGUMENT_KEYS = new Set(['arguments', 'args', 'params', 'input', 'parameters']);
/** Under metadata, these keys hold what a tool returned. */
const RESPONSE_KEYS = new Set(['result', 'output', 'response', 'content', 'contents', 'text']);
const DESCRIPTION_KEYS = new Set(['description', 'tool_description']);

interface Walk {
  readonly fields: ScanField[];
  readonly maxChars: number;
}

interface Place {
  readonly path: string;
  readonly key: string;
  readonly role: FieldRole;
  /** Inside a `tools` array (a tools/list result), where `description` keys are tool descriptions. */
  readonly inTools: boolean;
}

/**
 * Every string of the event with where it sits, in a fixed order: prompt, response, tool
 * description, arguments, metadata, identity. JSON held in a string (a `response` with an MCP
 * result, an argument sent as `{"path": "..."}`) is parsed one level deep and its strings are
 * walked instead of the raw text, so each value is scanned once, unescaped.
 */
export function walkEvent(event: McpEvent, maxFieldChars = DEFAULT_MAX_FIELD_CHARS): ScanField[] {
  const walk: Walk = { fields: [], maxChars: maxFieldChars };
  const top = (path: string, role: FieldRole, key = ''): Place => ({ path, key, role, inTools: false });
  walkValue(walk, event.prompt, top('prompt', 'prompt'), 0, false);
  walkValue(walk, event.response, top('response', 'response'), 0, true);
  walkValue(walk, event.toolDescription, top('toolDescription', 'tool_description'), 0, false);
  walkValue(walk, event.arguments, top('arguments', 'argument'), 0, true);
  walkValue(walk, event.metadata, top('metadata', 'metadata'), 0, true);
  for (const name of ['user', 'agent', 'tool', 'method', 'client', 'sessionId'] as const) {
    walkValue(walk, event[name], top(name, 'identity', name.toLowerCase()), 0, false);
  }
  return walk.fields;
}

function walkValue(walk: Walk, value: unknown, place: Place, depth: number, parseJson: boolean): void {
  if (walk.fields.length >= MAX_FIELDS || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    walkString(walk, value, place, depth, parseJson);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      walkValue(walk, item, { ...place, path: `${place.path}.${index}` }, depth + 1, parseJson);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      walkValue(walk, item, childPlace(place, key, item), depth + 1, parseJson);
    }
  }
}

function walkString(walk: Walk, value: string, place: Place, depth: number, parseJson: boolean): void {
  if (parseJson && value.length <= walk.maxChars && looksLikeJson(value)) {
    const parsed = parseJsonOrNull(value);
    if (parsed !== null && typeof parsed === 'object') {
      walkValue(walk, parsed, place, depth + 1, false);
      return;
    }
  }
  const capped = value.length > walk.maxChars ? value.slice(0, walk.maxChars) : value;
  walk.fields.push({ path: place.path, key: place.key, role: place.role, value: capped });
}

function childPlace(parent: Place, rawKey: string, value: unknown): Place {
  const key = rawKey.toLowerCase();
  const path = `${parent.path}.${rawKey}`;
  const inTools = parent.inTools || (key === 'tools' && Array.isArray(value));
  return { path, key, role: childRole(parent, key), inTools };
}

/** Judges a value by where it sits: only plain metadata is re-classified by its key. */
function childRole(parent: Place, key: string): FieldRole {
  if (parent.inTools && key === 'description' && parent.role !== 'argument') return 'tool_description';
  if (parent.role !== 'metadata') return parent.role;
  if (ARGUMENT_KEYS.has(key)) return 'argument';
  if (RESPONSE_KEYS.has(key)) return 'response';
  if (DESCRIPTION_KEYS.has(key)) return 'tool_description';
  return 'metadata';
}

function looksLikeJson(value: string): boolean {
  const first = firstNonSpace(value);
  if (first !== '{' && first !== '[') return false;
  const last = value.trimEnd().at(-1);
  return (first === '{' && last === '}') || (first === '[' && last === ']');
}

function firstNonSpace(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) return value[i];
  }
  return undefined;
}

function parseJsonOrNull(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
