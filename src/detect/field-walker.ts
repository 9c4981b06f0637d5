import { MAX_EVENT_DEPTH, type McpEvent } from '../core/index.js';
import type { FieldRole, ScanField } from './detector.js';

/** Values longer than this are scanned only up to it: attacks sit early, and work per field stays bounded. */
export const DEFAULT_MAX_FIELD_CHARS = 1_000_000;
/** Deeper nesting is not walked: normalizeEvent and the proxy refuse or do not pass such events. */
const MAX_DEPTH = MAX_EVENT_DEPTH;
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

/** Where a value sits; passed as loose arguments because the walker runs on every event. */
interface Place {
  readonly path: string;
  readonly key: string;
  readonly role: FieldRole;
  /** Inside a `tools` array (a tools/list result), where `description` keys are tool descriptions. */
  readonly inTools: boolean;
}

const IDENTITY_FIELDS = [
  ['user', 'user'],
  ['agent', 'agent'],
  ['tool', 'tool'],
  ['method', 'method'],
  ['client', 'client'],
  ['sessionId', 'sessionid'],
] as const;

/**
 * Every string of the event with where it sits, in a fixed order: prompt, response, tool
 * description, arguments, metadata, identity. JSON held in a string (a `response` with an MCP
 * result, an argument sent as `{"path": "..."}`) is parsed one level deep and its strings are
 * walked instead of the raw text, so each value is scanned once, unescaped.
 */
export function walkEvent(event: McpEvent, maxFieldChars = DEFAULT_MAX_FIELD_CHARS): ScanField[] {
  const walk: Walk = { fields: [], maxChars: maxFieldChars };
  walkValue(walk, event.prompt, top('prompt', 'prompt', ''), 0, false);
  walkValue(walk, event.response, top('response', 'response', ''), 0, true);
  walkValue(walk, event.toolDescription, top('toolDescription', 'tool_description', ''), 0, false);
  walkValue(walk, event.arguments, top('arguments', 'argument', ''), 0, true);
  walkValue(walk, event.metadata, top('metadata', 'metadata', ''), 0, true);
  for (const [name, key] of IDENTITY_FIELDS) {
    const value = event[name];
    if (value !== null && value !== undefined) walkValue(walk, value, top(name, 'identity', key), 0, false);
  }
  return walk.fields;
}

function top(path: string, role: FieldRole, key: string): Place {
  return { path, key, role, inTools: false };
}

function walkValue(walk: Walk, value: unknown, place: Place, depth: number, parseJson: boolean): void {
  if (walk.fields.length >= MAX_FIELDS || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    walkString(walk, value, place, depth, parseJson);
  } else if (Array.isArray(value)) {
    const { key, role, inTools } = place;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      walkValue(walk, item, { path: `${place.path}.${index}`, key, role, inTools }, depth + 1, parseJson);
    }
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    // Object.keys, not Object.entries: same keys in the same order, without a pair per key.
    const keys = Object.keys(record);
    for (let index = 0; index < keys.length; index++) {
      const rawKey = keys[index]!;
      const item = record[rawKey];
      walkValue(walk, item, childPlace(place, rawKey, item), depth + 1, parseJson);
    }
  } else if (place.key.startsWith('$') && (value === null || typeof value !== 'object')) {
    // A query operator's operand (`{"$ne": null}`, `{"$gt": 0}`) is the injection itself.
    walk.fields.push({ path: place.path, key: place.key, role: place.role, value: String(value) });
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

/**
 * `{...}` or `[...]` whose first token can start JSON there: code such as `{ return x; }` or a
 * TOML `[section]` is not handed to JSON.parse, which would only throw (throwing is slow).
 */
function looksLikeJson(value: string): boolean {
  const at = nextNonSpace(value, 0);
  const first = value[at];
  if (first !== '{' && first !== '[') return false;
  const last = value.trimEnd().at(-1);
  if ((first === '{' && last !== '}') || (first === '[' && last !== ']')) return false;
  const next = value[nextNonSpace(value, at + 1)];
  return (
    next !== undefined && (first === '{' ? next === '"' || next === '}' : JSON_VALUE_START.includes(next))
  );
}

/** What can follow `[` in JSON: a value or the closing bracket. */
const JSON_VALUE_START = '{["-0123456789tfn]';

/** Index of the first character from `from` that is not JSON whitespace (value.length if none). */
function nextNonSpace(value: string, from: number): number {
  for (let i = from; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) return i;
  }
  return value.length;
}

function parseJsonOrNull(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
