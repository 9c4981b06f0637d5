/** The strings of an event with the dotted paths the detectors report (mirrors detect/field-walker). */
export interface EventField {
  readonly path: string;
  readonly value: string;
}

export interface EventLike {
  readonly prompt: string | null;
  readonly response: string | null;
  readonly toolDescription: string | null;
  readonly arguments: Record<string, unknown> | null;
  readonly metadata: Record<string, unknown>;
  readonly user: string | null;
  readonly agent: string | null;
  readonly tool: string | null;
  readonly method: string | null;
  readonly sessionId: string | null;
  readonly client: string | null;
}

function parseJsonText(value: string): unknown {
  const trimmed = value.trim();
  if (!/^[[{]/.test(trimmed)) return null;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}

function walk(out: EventField[], value: unknown, path: string, parseJson: boolean, depth: number): void {
  if (value === null || value === undefined || depth > 32) return;
  if (typeof value === 'string') {
    const parsed = parseJson ? parseJsonText(value) : null;
    if (parsed !== null) walk(out, parsed, path, false, depth + 1);
    else out.push({ path, value });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walk(out, item, `${path}.${i}`, parseJson, depth + 1);
  } else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walk(out, item, `${path}.${key}`, parseJson, depth + 1);
  }
}

export function eventFields(event: EventLike): EventField[] {
  const out: EventField[] = [];
  walk(out, event.prompt, 'prompt', false, 0);
  walk(out, event.response, 'response', true, 0);
  walk(out, event.toolDescription, 'toolDescription', false, 0);
  walk(out, event.arguments, 'arguments', true, 0);
  walk(out, event.metadata, 'metadata', true, 0);
  return out;
}
