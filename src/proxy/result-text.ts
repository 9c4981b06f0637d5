/** Longest response text kept in an event; the rest is cut (detection and storage stay bounded). */
const MAX_RESPONSE_CHARS = 1_000_000;

/** What an event holds for an answer that could not be serialized to read it. */
export const UNREADABLE_ANSWER = '[Sentinel could not read this answer: it nests too deeply to serialize]';

/**
 * JSON of a value from the wire, or null when it nests too deeply to serialize: JSON.parse takes
 * any depth, JSON.stringify overflows the stack past a few thousand levels.
 */
function jsonOf(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/**
 * An MCP result as the text an analyst reads in an event: the text of each content item, one per
 * line. A `tools/list` result stays JSON so the tool definitions remain structured. Null when the
 * result cannot be serialized (the caller treats it as unchecked).
 */
export function resultText(method: string, result: unknown): string | null {
  const text = method === 'tools/list' ? jsonOf(result) : readable(result);
  if (text === null) return null;
  return text.length > MAX_RESPONSE_CHARS ? text.slice(0, MAX_RESPONSE_CHARS) : text;
}

function readable(result: unknown): string | null {
  if (typeof result !== 'object' || result === null) return jsonOf(result);
  const record = result as Record<string, unknown>;
  const parts: string[] = [];
  if (Array.isArray(record['content'])) collectContent(record['content'], parts);
  if (Array.isArray(record['contents'])) collectContent(record['contents'], parts);
  if (Array.isArray(record['messages'])) {
    for (const message of record['messages']) {
      const content = (message as { content?: unknown } | null)?.content;
      collectContent(Array.isArray(content) ? content : [content], parts);
    }
  }
  if (parts.length === 0) {
    return record['structuredContent'] === undefined ? jsonOf(result) : jsonOf(record['structuredContent']);
  }
  return parts.join('\n');
}

function collectContent(items: readonly unknown[], parts: string[]): void {
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const content = item as Record<string, unknown>;
    if (typeof content['text'] === 'string') parts.push(content['text']);
    else if (typeof content['resource'] === 'object' && content['resource'] !== null) {
      collectContent([content['resource']], parts);
    } else if (typeof content['uri'] === 'string')
      parts.push(`[${String(content['type'] ?? 'resource')} ${content['uri']}]`);
    else if (typeof content['type'] === 'string') {
      parts.push(
        `[${content['type']}${typeof content['mimeType'] === 'string' ? ` ${content['mimeType']}` : ''}]`,
      );
    }
  }
}

/**
 * An error response as event text: code, message and, when present, its `data` (detection reads
 * all three). Null when `data` cannot be serialized.
 */
export function errorText(error: { code: number; message: string; data?: unknown }): string | null {
  const head = `error ${error.code}: ${error.message}`;
  if (error.data === undefined) return head;
  const data = typeof error.data === 'string' ? error.data : jsonOf(error.data);
  if (data === null) return null;
  const text = `${head}\n${data}`;
  return text.length > MAX_RESPONSE_CHARS ? text.slice(0, MAX_RESPONSE_CHARS) : text;
}
