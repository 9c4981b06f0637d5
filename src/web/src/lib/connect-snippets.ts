/** Ready-to-paste configuration that routes a client's MCP server through `mcp-sentinel proxy`. */
export interface ProxyTarget {
  readonly serverId: string;
  readonly serverName: string;
  readonly origin: string;
  readonly key: string;
  /** The MCP server's own command line, split into words. */
  readonly command: readonly string[];
}

export function proxyArgs(target: ProxyTarget): string[] {
  return [
    'mcp-sentinel',
    'proxy',
    '--server',
    target.serverId,
    '--sentinel-url',
    target.origin,
    '--sentinel-key',
    target.key,
    '--',
    ...target.command,
  ];
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'server'
  );
}

/** Claude Desktop (claude_desktop_config.json) and Cursor (.cursor/mcp.json) share this shape. */
export function mcpServersJson(target: ProxyTarget): string {
  return JSON.stringify(
    { mcpServers: { [slug(target.serverName)]: { command: 'npx', args: proxyArgs(target) } } },
    null,
    2,
  );
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function claudeCodeCommand(target: ProxyTarget): string {
  return ['claude', 'mcp', 'add', slug(target.serverName), '--', 'npx', ...proxyArgs(target)]
    .map(shellQuote)
    .join(' ');
}

/** A curl call posting one event, with the HMAC headers when a signing secret is given. */
export function curlCommand(input: {
  url: string;
  body: string;
  apiKey?: string;
  timestamp?: string;
  signature?: string;
}): string {
  const lines = [`curl -X POST ${shellQuote(input.url)}`, `  -H 'content-type: application/json'`];
  if (input.apiKey) lines.push(`  -H ${shellQuote(`authorization: Bearer ${input.apiKey}`)}`);
  if (input.timestamp && input.signature) {
    lines.push(`  -H ${shellQuote(`x-sentinel-timestamp: ${input.timestamp}`)}`);
    lines.push(`  -H ${shellQuote(`x-sentinel-signature: ${input.signature}`)}`);
  }
  lines.push(`  --data ${shellQuote(input.body)}`);
  return lines.join(' \\\n');
}

/** The command of a stdio endpoint URL (`stdio:npx -y pkg /dir`), or a placeholder. */
export function commandOf(endpointUrl: string | null): string[] {
  if (endpointUrl?.startsWith('stdio:')) {
    const words = decodeURIComponent(endpointUrl.slice(6)).replace(/^\/\//, '').trim().split(/\s+/);
    if (words[0]) return words;
  }
  return ['<your MCP server command>'];
}
