import { createHash } from 'node:crypto';

/** Characters of context kept on each side of a match. */
const CONTEXT_CHARS = 20;
/** Longer evidence is cut in the middle so a finding stays one short line. */
const MAX_EVIDENCE_CHARS = 160;
const MASK_STARS = '*'.repeat(12);

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A stable, non-reversible name for a secret value: the first 16 hex chars of its SHA-256. */
export function fingerprintSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);
}

/** `AKIAIOSFODNN7EXAMPLE` -> `AKIA************`: at most 4 leading chars, fewer for short secrets. */
export function maskSecret(secret: string): string {
  return secret.slice(0, Math.min(4, Math.floor(secret.length / 4))) + MASK_STARS;
}

/**
 * The match with up to CONTEXT_CHARS of context on each side, on one line. Every secret span that
 * reaches into the window is masked, not only the match's own, so a neighbouring secret never
 * shows up in the context of another finding.
 */
export function buildEvidence(value: string, match: Span, secrets: readonly Span[]): string {
  const from = Math.max(0, match.start - CONTEXT_CHARS);
  const to = Math.min(value.length, match.end + CONTEXT_CHARS);
  let text = '';
  let cursor = from;
  for (const secret of mergeSpans(secrets)) {
    if (secret.end <= cursor || secret.start >= to) continue;
    text += value.slice(cursor, Math.max(cursor, secret.start));
    // A secret cut by the window's left edge shows no leading characters at all.
    text += secret.start >= from ? maskSecret(value.slice(secret.start, secret.end)) : MASK_STARS;
    cursor = secret.end;
  }
  if (cursor < to) text += value.slice(cursor, to);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (flat.length <= MAX_EVIDENCE_CHARS) return flat;
  const head = Math.floor(MAX_EVIDENCE_CHARS * 0.6);
  return `${flat.slice(0, head)}…${flat.slice(flat.length - (MAX_EVIDENCE_CHARS - head - 1))}`;
}

/** Sorted, overlapping spans joined. */
export function mergeSpans<T extends Span>(spans: readonly T[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}
