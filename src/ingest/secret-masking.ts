import type { Finding, McpEvent } from '../core/index.js';
import { maskSecret, walkEvent } from '../detect/index.js';

/**
 * Secrets found in an event are stored masked with their fingerprint (`AKIA************[fp:1a2b…]`)
 * in every field where they occur, so the same leaked key stays recognizable but is never at rest
 * in clear. Finding spans keep pointing at the text as it was received.
 */
export function maskSecretsInEvent(event: McpEvent, findings: readonly Finding[]): McpEvent {
  const secretFindings = findings.filter((finding) => finding.fingerprint !== null);
  if (secretFindings.length === 0) return event;
  const values = new Map(walkEvent(event).map((field) => [field.path, field.value]));
  const replacements = new Map<string, string>();
  for (const finding of secretFindings) {
    const secret = values.get(finding.field)?.slice(finding.start, finding.end);
    if (secret === undefined || secret.length < 4) continue;
    const masked = `${maskSecret(secret)}[fp:${finding.fingerprint}]`;
    replacements.set(secret, masked);
    // The same secret inside JSON held in a string appears escaped (a PEM key's newlines as \n).
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) replacements.set(escaped, masked);
  }
  if (replacements.size === 0) return event;
  const ordered = [...replacements.entries()].sort((a, b) => b[0].length - a[0].length);
  const mask = (text: string): string =>
    ordered.reduce((out, [secret, masked]) => out.split(secret).join(masked), text);
  return {
    ...event,
    prompt: event.prompt === null ? null : mask(event.prompt),
    response: event.response === null ? null : mask(event.response),
    toolDescription: event.toolDescription === null ? null : mask(event.toolDescription),
    arguments: event.arguments === null ? null : (maskDeep(event.arguments, mask) as Record<string, unknown>),
    metadata: maskDeep(event.metadata, mask) as Record<string, unknown>,
  };
}

function maskDeep(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, mask));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [mask(key), maskDeep(item, mask)]));
  }
  return value;
}
