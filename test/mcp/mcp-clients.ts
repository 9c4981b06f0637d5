import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

/** An official SDK client on Sentinel's streamable HTTP endpoint with `key`. */
export async function httpClient(baseUrl: string, key: string, header = 'authorization'): Promise<Client> {
  const value = header === 'authorization' ? `Bearer ${key}` : key;
  const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), {
    requestInit: { headers: { [header]: value } },
  });
  const client = new Client({ name: 'sentinel-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** An official SDK client on the older HTTP+SSE transport. */
export async function sseClient(baseUrl: string, key: string): Promise<Client> {
  const headers = { authorization: `Bearer ${key}` };
  const transport = new SSEClientTransport(new URL(`${baseUrl}/mcp/sse`), {
    requestInit: { headers },
    eventSourceInit: {
      fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers ?? {}), ...headers } }),
    },
  });
  const client = new Client({ name: 'sentinel-test-sse', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** Calls a tool and returns its result typed as a plain tool result. */
export async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The text of a tool result's first block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

/** The JSON inside the untrusted envelope of a result's text, parsed back. */
export function envelopeJson(text: string): unknown {
  const match = /<(untrusted-data-[0-9a-f]{24})>\n([\s\S]*)\n<\/\1>$/.exec(text);
  if (!match?.[2]) throw new Error(`no envelope in: ${text.slice(0, 300)}`);
  return JSON.parse(match[2]);
}
