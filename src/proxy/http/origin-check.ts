/**
 * MCP 2025-06-18 §Transports, Security Warning: servers MUST validate `Origin` to stop DNS
 * rebinding. No `Origin` means a non-browser client (an agent, the SDK) and is allowed; a present
 * one must be on the allowlist, compared as a serialised origin (scheme://host[:port]).
 */
export function originAllowed(origin: string | undefined, allowlist: readonly string[]): boolean {
  if (origin === undefined) return true;
  const normalised = normaliseOrigin(origin);
  if (normalised === null) return false;
  return allowlist.some((allowed) => normaliseOrigin(allowed) === normalised);
}

function normaliseOrigin(value: string): string | null {
  if (value === 'null') return null;
  try {
    const url = new URL(value);
    return url.origin === 'null' ? null : url.origin;
  } catch {
    return null;
  }
}
