import type { Finding, McpEvent, Verdict } from '../core/index.js';
import { verdictOf, walkEvent } from '../detect/index.js';

/** A matched value to mask wherever it appears in a forwarded message. */
export interface Secret {
  readonly text: string;
  readonly ruleId: string;
}

/** The findings that sit in one part of the event (`arguments`, `response`). */
export function findingsIn(findings: readonly Finding[], prefix: string): Finding[] {
  return findings.filter((finding) => finding.field === prefix || finding.field.startsWith(`${prefix}.`));
}

export function verdictIn(findings: readonly Finding[]): Verdict {
  return verdictOf(findings);
}

/** Findings with the given action, one per rule (for messages). */
export function rulesWith(findings: readonly Finding[], action: Finding['action']): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (finding.action !== action || seen.has(finding.ruleId)) return false;
    seen.add(finding.ruleId);
    return true;
  });
}

/** Says which rule stopped what, and why, without echoing the matched value back. */
export function explain(findings: readonly Finding[]): string {
  return findings
    .map(
      (finding) =>
        `rule ${finding.ruleId} "${finding.title}" matched ${finding.field}${finding.detail ? ` (${finding.detail})` : ''}`,
    )
    .join('; ');
}

/**
 * The matched text of each redact finding, read back from the scanned event. Masking by value
 * (not by path) also covers the copies a result carries (`structuredContent` repeats `content`).
 */
export function secretsOf(event: McpEvent, findings: readonly Finding[]): Secret[] {
  const wanted = findings.filter((finding) => finding.action === 'redact');
  if (wanted.length === 0) return [];
  const fields = new Map(walkEvent(event).map((field) => [field.path, field.value]));
  const secrets: Secret[] = [];
  for (const finding of wanted) {
    const text = fields.get(finding.field)?.slice(finding.start, finding.end);
    if (text !== undefined && text.length > 0) secrets.push({ text, ruleId: finding.ruleId });
  }
  // Longest first, so a secret containing another is masked whole.
  return secrets.sort((a, b) => b.text.length - a.text.length);
}

/** A copy of `value` with every occurrence of each secret masked; `value` itself when none occurs. */
export function maskValues<T>(value: T, secrets: readonly Secret[]): T {
  if (secrets.length === 0) return value;
  return mask(value, secrets, 0) as T;
}

function mask(value: unknown, secrets: readonly Secret[], depth: number): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const secret of secrets) {
      if (out.includes(secret.text)) out = out.split(secret.text).join(`[REDACTED:${secret.ruleId}]`);
    }
    return out;
  }
  if (depth > 64 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const copy = value.map((item) => {
      const masked = mask(item, secrets, depth + 1);
      if (masked !== item) changed = true;
      return masked;
    });
    return changed ? copy : value;
  }
  let changed = false;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const masked = mask(item, secrets, depth + 1);
    if (masked !== item) changed = true;
    copy[key] = masked;
  }
  return changed ? copy : value;
}
