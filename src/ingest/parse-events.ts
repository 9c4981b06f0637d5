import { MalformedJsonError, ValidationError } from '../core/index.js';
import { jsonErrorMessage, jsonErrorPosition } from './json-position.js';

/** One element of a batch: its index in the batch (and line, for NDJSON) and its value or why it failed. */
export type ParsedItem =
  | { readonly index: number; readonly line?: number; readonly value: unknown }
  | { readonly index: number; readonly line?: number; readonly error: string };

const NDJSON_TYPES = [
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/x-jsonlines',
];

/**
 * A webhook body is one event, an array of events, or NDJSON. A whole-body JSON syntax error is a
 * 400 with its position; in NDJSON each bad line is reported by itself and the rest still count.
 */
export function parseEvents(text: string, contentType: string | undefined): ParsedItem[] {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (NDJSON_TYPES.includes(type)) return parseNdjson(text);
  const trimmed = text.trim();
  if (trimmed === '') throw new ValidationError('body is empty: send an event, an array of events or NDJSON');
  try {
    return fromValue(JSON.parse(trimmed));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    if (looksLikeNdjson(trimmed)) return parseNdjson(text);
    const position = jsonErrorPosition(text);
    throw new MalformedJsonError(
      `malformed JSON at line ${position.line}, column ${position.column}: ${jsonErrorMessage(text)}`,
      position,
    );
  }
}

function fromValue(value: unknown): ParsedItem[] {
  if (Array.isArray(value)) {
    if (value.length === 0) throw new ValidationError('body is an empty array: send at least one event');
    return value.map((item, index) => ({ index, value: item }));
  }
  if (typeof value === 'object' && value !== null) return [{ index: 0, value }];
  throw new ValidationError('body must be an event object, an array of events, or NDJSON');
}

function looksLikeNdjson(text: string): boolean {
  const newline = text.indexOf('\n');
  if (newline < 0) return false;
  try {
    JSON.parse(text.slice(0, newline));
    return true;
  } catch {
    return false;
  }
}

function parseNdjson(text: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trim();
    if (line === '') continue;
    const indent = raw.length - raw.trimStart().length;
    const index = items.length;
    try {
      items.push({ index, line: i + 1, value: JSON.parse(line) });
    } catch {
      const column = jsonErrorPosition(line).column + indent;
      items.push({
        index,
        line: i + 1,
        error: `malformed JSON at line ${i + 1}, column ${column}: ${jsonErrorMessage(line)}`,
      });
    }
  }
  if (items.length === 0) throw new ValidationError('body holds no events');
  return items;
}
