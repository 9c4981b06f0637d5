/** What the proxy knows about one agent connection; filled in from `initialize` as it passes. */
export interface ProxySession {
  readonly sessionId: string | null;
  readonly transport: 'stdio' | 'http';
  clientInfo?: { name: string; version: string };
  clientCapabilities?: Record<string, unknown>;
  protocolVersion?: string;
}

export function createSession(transport: 'stdio' | 'http', sessionId: string | null = null): ProxySession {
  return { sessionId, transport };
}
