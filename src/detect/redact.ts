export interface RedactionSpan {
  readonly start: number;
  readonly end: number;
  /** Named in the marker; a Finding can be passed as is. */
  readonly ruleId?: string;
}

/**
 * Replaces each span of `value` with `[REDACTED:<ruleId>]` (`[REDACTED]` when the span names no
 * rule). Overlapping or touching spans become one marker naming the first rule; spans are clipped
 * to the value, and empty ones are ignored. Used by the proxy to rewrite a message it forwards.
 */
export function redactText(value: string, spans: ReadonlyArray<RedactionSpan>): string {
  const clipped = spans
    .map((span) => ({
      start: Math.max(0, Math.min(span.start, value.length)),
      end: Math.max(0, Math.min(span.end, value.length)),
      ruleId: span.ruleId,
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  let index = 0;
  while (index < clipped.length) {
    const first = clipped[index]!;
    let end = first.end;
    for (index++; index < clipped.length && clipped[index]!.start <= end; index++) {
      end = Math.max(end, clipped[index]!.end);
    }
    out += value.slice(cursor, first.start) + marker(first.ruleId);
    cursor = end;
  }
  return out + value.slice(cursor);
}

function marker(ruleId: string | undefined): string {
  return ruleId ? `[REDACTED:${ruleId}]` : '[REDACTED]';
}
