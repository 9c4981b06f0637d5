import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../lib/api';
import {
  claudeCodeCommand,
  commandOf,
  curlCommand,
  mcpServersJson,
  type ProxyTarget,
} from '../lib/connect-snippets';
import { formatTime } from '../lib/format';
import { signWebhookBody } from '../lib/hmac';
import type { McpEvent, Page, ServerWithCredentials } from '../lib/types';
import { Snippet } from './copy-button';
import { Link } from './link';
import { ErrorBox } from './states';

function sampleBody(id: string): string {
  return JSON.stringify({
    id,
    timestamp: new Date().toISOString(),
    user: 'test@example.com',
    agent: 'mcp-sentinel-dashboard',
    tool: 'filesystem',
    method: 'tools/call',
    prompt: 'Test event sent from the dashboard',
    arguments: { path: '/tmp/example.txt' },
  });
}

/** Headers a webhook call needs with these credentials (HMAC computed here, in the browser). */
async function webhookHeaders(credentials: ServerWithCredentials['credentials'], body: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (credentials.apiKey) headers.authorization = `Bearer ${credentials.apiKey}`;
  if (credentials.hmacSecret) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    headers['x-sentinel-timestamp'] = timestamp;
    headers['x-sentinel-signature'] = await signWebhookBody(credentials.hmacSecret, timestamp, body);
  }
  return headers;
}

/**
 * Shown once after creating a server or rotating its credentials: the webhook URL, the secrets
 * with copy buttons, a signed curl call, the proxy lines for MCP clients, and a live test.
 */
export function ConnectionGuide({ created }: { created: ServerWithCredentials }) {
  const { server, credentials, webhookPath } = created;
  const url = `${location.origin}${webhookPath}`;
  const [curl, setCurl] = useState('');
  useEffect(() => {
    const body = sampleBody('example-1');
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signing = credentials.hmacSecret
      ? signWebhookBody(credentials.hmacSecret, timestamp, body)
      : Promise.resolve(undefined);
    void signing.then((signature) =>
      setCurl(
        curlCommand({
          url,
          body,
          ...(credentials.apiKey ? { apiKey: credentials.apiKey } : {}),
          ...(signature ? { timestamp, signature } : {}),
        }),
      ),
    );
  }, [url, credentials.apiKey, credentials.hmacSecret]);
  const target: ProxyTarget = {
    serverId: server.id,
    serverName: server.name,
    origin: location.origin,
    key: credentials.apiKey ?? '<server API key>',
    command: commandOf(server.endpointUrl),
  };
  return (
    <div class="guide">
      <p class="notice" role="note">
        Copy the credentials now: Sentinel keeps only a hash and will not show them again. You can rotate them
        later.
      </p>
      <Snippet label="Webhook URL" text={url} />
      {credentials.apiKey && <Snippet label="Server API key" text={credentials.apiKey} />}
      {credentials.hmacSecret && <Snippet label="HMAC signing secret" text={credentials.hmacSecret} />}
      <h2>Send an event with curl</h2>
      {credentials.hmacSecret && (
        <p class="muted">
          The signature is HMAC-SHA256 over <code>timestamp.body</code>, computed here; it is valid for a few
          minutes.
        </p>
      )}
      {curl && <Snippet label="curl example" text={curl} />}
      <h2>Route an MCP client through the Sentinel proxy</h2>
      <Snippet label="Claude Desktop (claude_desktop_config.json)" text={mcpServersJson(target)} />
      <Snippet label="Claude Code" text={claudeCodeCommand(target)} />
      <Snippet label="Cursor (.cursor/mcp.json)" text={mcpServersJson(target)} />
      <TestEvent created={created} />
      <p>
        <Link href={`/servers/${server.id}`}>Go to the server</Link>
      </p>
    </div>
  );
}

/** Sends a signed test event to the webhook and waits for it to show up in the stored events. */
function TestEvent({ created }: { created: ServerWithCredentials }) {
  const [state, setState] = useState<'idle' | 'sending' | 'waiting' | 'arrived'>('idle');
  const [error, setError] = useState<Error | null>(null);
  const [event, setEvent] = useState<McpEvent | null>(null);
  const send = async () => {
    setError(null);
    setEvent(null);
    setState('sending');
    const externalId = `dashboard-test-${crypto.randomUUID()}`;
    const body = sampleBody(externalId);
    try {
      if (
        !created.credentials.apiKey &&
        !created.credentials.hmacSecret &&
        !created.server.auth.allowUnauthenticated
      )
        throw new Error(
          'This server authenticates by IP allowlist only: send a test event from an allowed address.',
        );
      const response = await fetch(created.webhookPath, {
        method: 'POST',
        headers: await webhookHeaders(created.credentials, body),
        body,
      });
      if (!response.ok) {
        const text = await response.text();
        const message = (JSON.parse(text || '{}') as { error?: { message?: string } }).error?.message;
        throw new Error(`The webhook refused the event: ${message ?? `HTTP ${response.status}`}`);
      }
      setState('waiting');
      for (let attempt = 0; attempt < 40; attempt++) {
        const page = await api<Page<McpEvent>>('GET', `/api/events?server=${created.server.id}&limit=20`);
        const found = page.items.find((item) => item.externalId === externalId);
        if (found) {
          setEvent(found);
          setState('arrived');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error('The webhook accepted the event but it has not appeared yet; look in Events.');
    } catch (caught) {
      setError(caught instanceof ApiError || caught instanceof Error ? caught : new Error(String(caught)));
      setState('idle');
    }
  };
  return (
    <div class="card test-event">
      <h2>Test the connection</h2>
      <button
        type="button"
        class="primary"
        onClick={send}
        disabled={state === 'sending' || state === 'waiting'}
      >
        Send test event
      </button>{' '}
      <span role="status" aria-live="polite">
        {state === 'sending' ? 'Sending…' : state === 'waiting' ? 'Sent; waiting for it to be stored…' : ''}
        {state === 'arrived' && event ? 'Test event received.' : ''}
      </span>
      <ErrorBox error={error} />
      {event && (
        <p class="arrived">
          Arrived {formatTime(event.receivedAt)}:{' '}
          <Link href={`/events/${event.id}`}>{event.prompt ?? event.id}</Link>
        </p>
      )}
    </div>
  );
}
