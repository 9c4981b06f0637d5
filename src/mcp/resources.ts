import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Application } from '../app/index.js';
import { isId, NotFoundError, type Principal } from '../core/index.js';
import { plain, port } from './app-ports.js';
import { KQL_REFERENCE } from './kql-reference.js';
import { envelopeNotice, envelopeTag, escapedJson, wrapUntrusted } from './untrusted-envelope.js';

/** Resources: the rule catalogue, the hunting schema, the KQL reference, each registered server. */
export function registerResources(server: McpServer, app: Application, principal: Principal): void {
  server.registerResource(
    'rule-catalogue',
    'sentinel://rules',
    {
      title: 'Detection rule catalogue',
      description: 'Every detection rule with severity, category, action, mappings and counts (JSON).',
      mimeType: 'application/json',
    },
    async (uri) => {
      const rules = await app.rules.list(principal);
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: escapedJson({ rules }) }] };
    },
  );

  const hunt = port(app, 'hunt');
  if (hunt !== undefined) {
    server.registerResource(
      'hunting-schema',
      'sentinel://hunting/schema',
      {
        title: 'Hunting schema',
        description: 'The KQL hunting tables and their columns with types (JSON).',
        mimeType: 'application/json',
      },
      async (uri) => ({
        contents: [
          {
            uri: uri.href,
            mimeType: 'application/json',
            text: escapedJson({ tables: plain(await hunt.schema()) }),
          },
        ],
      }),
    );
  }

  server.registerResource(
    'kql-reference',
    'sentinel://hunting/kql-reference',
    {
      title: 'KQL reference with worked examples',
      description:
        'Supported KQL operators, functions and string operators, and example hunts over MCP traffic.',
      mimeType: 'text/markdown',
    },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: KQL_REFERENCE }] }),
  );

  server.registerResource(
    'server',
    new ResourceTemplate('sentinel://servers/{serverId}', {
      list: async () => ({
        resources: (await app.servers.list(principal)).map((entry) => ({
          uri: `sentinel://servers/${entry.id}`,
          // Names are set by admins, still kept short and on one line.
          name: `server ${entry.id}`,
          title: entry.name.replace(/\s+/g, ' ').slice(0, 100),
          description: `Registered MCP server (${entry.type})`,
          mimeType: 'text/plain',
        })),
      }),
    }),
    {
      title: 'Registered MCP server',
      description: 'One registered server: registration, authentication methods (no secrets), tags.',
      mimeType: 'text/plain',
    },
    async (uri, variables) => {
      const id = String(variables['serverId'] ?? '');
      if (!isId(id)) throw new NotFoundError('server');
      const entry = await app.servers.get(principal, id);
      const tag = envelopeTag();
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: 'text/plain',
            text: `${envelopeNotice(tag)}\n${wrapUntrusted({ server: entry }, tag)}`,
          },
        ],
      };
    },
  );
}
