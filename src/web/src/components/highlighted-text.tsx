export interface Span {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly severity: string;
}

/**
 * A captured value with the findings' character spans marked. Every piece is a text node:
 * the value is split by offsets, never parsed as markup.
 */
export function HighlightedText({ text, spans }: { text: string; spans: readonly Span[] }) {
  const sorted = [...spans]
    .filter((span) => span.end > span.start && span.start < text.length)
    .sort((a, b) => a.start - b.start);
  const parts: preact.JSX.Element[] = [];
  let at = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    if (start > at) parts.push(<span key={`t${at}`}>{text.slice(at, start)}</span>);
    parts.push(
      <mark key={`m${start}`} class={`finding sev-${span.severity}`} title={span.label}>
        {text.slice(start, end)}
        <span class="visually-hidden"> (finding: {span.label})</span>
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(<span key={`t${at}`}>{text.slice(at)}</span>);
  return <pre class="captured">{parts}</pre>;
}
