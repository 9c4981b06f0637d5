// Issue 4 parts 1 and 7: everything the reference servers from npm offer still works through the
// stdio proxy, and their traffic lands in the store as paired events (both backends).
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  ListRootsRequestSchema,
  LoggingMessageNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Store } from '../../src/store/index.js';
import { BACKENDS, type TestDatabase } from '../support/test-stores.js';
import {
  connectThroughProxy,
  EVERYTHING_SERVER,
  eventually,
  FILESYSTEM_SERVER,
  type ProxiedClient,
  SECRET_KEY,
  tempDir,
} from './fixtures/proxy-client.js';

type TextResult = { content: Array<{ type: string; text?: string }>; isError?: boolean };

for (const backend of BACKENDS) {
  const skip = await backend.skip();
  describe(`stdio proxy with the reference servers (${backend.name})`, { skip }, () => {
    let database: TestDatabase;
    let store: Store;
    let env: Record<string, string>;
    const files = tempDir('sentinel-files-');

    before(async () => {
      database = await backend.create();
      env = {
        SENTINEL_DATABASE_URL: database.url,
        SENTINEL_DATA_DIR: tempDir(),
        SENTINEL_SECRET_KEY: SECRET_KEY,
      };
      store = await database.open();
      writeFileSync(join(files, 'notes.txt'), 'first line\nsecond line\n');
    });
    after(async () => {
      await store?.close();
      await database?.drop();
      rmSync(files, { recursive: true, force: true });
    });

    describe('server-filesystem', () => {
      let proxied: ProxiedClient;
      before(async () => {
        proxied = await connectThroughProxy({ server: [process.execPath, FILESYSTEM_SERVER, files], env });
      });

      it('lists its tools and reads, writes, lists and searches files', async () => {
        const tools = (await proxied.client.listTools()).tools.map((tool) => tool.name);
        for (const name of ['read_text_file', 'write_file', 'list_directory', 'search_files'])
          assert.ok(tools.includes(name), name);
        const read = (await proxied.client.callTool({
          name: 'read_text_file',
          arguments: { path: join(files, 'notes.txt') },
        })) as TextResult;
        assert.equal(read.content[0]?.text, 'first line\nsecond line\n');
        await proxied.client.callTool({
          name: 'write_file',
          arguments: { path: join(files, 'new.txt'), content: 'written through Sentinel' },
        });
        assert.equal(readFileSync(join(files, 'new.txt'), 'utf8'), 'written through Sentinel');
        const listing = (await proxied.client.callTool({
          name: 'list_directory',
          arguments: { path: files },
        })) as TextResult;
        assert.match(listing.content[0]?.text ?? '', /\[FILE\] new\.txt/);
        const outside = (await proxied.client.callTool({
          name: 'read_text_file',
          arguments: { path: '/tmp/../etc/hostname' },
        })) as TextResult;
        assert.equal(outside.isError, true, 'the server still applies its own checks');
      });

      it('records each request with its response as one event, with the client from initialize', async () => {
        await proxied.close();
        const events = (await store.events.list({ method: 'tools/call' }, { limit: 100 })).items;
        const read = events.find((event) => event.tool === 'read_text_file' && event.isError === false);
        assert.ok(read, 'the read is recorded');
        assert.equal(read.response, 'first line\nsecond line\n');
        assert.deepEqual(read.arguments, { path: join(files, 'notes.txt') });
        assert.equal(read.client, 'proxy-test/1.0.0');
        assert.equal(read.source, 'proxy');
        assert.equal(read.metadata['transport'], 'stdio');
        const list = (await store.events.list({ method: 'tools/list' }, { limit: 5 })).items[0];
        assert.match(list?.response ?? '', /"read_text_file"/, 'tools/list keeps the tool definitions');
        const server = (await store.servers.list())[0];
        assert.deepEqual([server?.name, server?.type], ['server-filesystem', 'filesystem']);
      });
    });

    describe('server-everything', () => {
      let proxied: ProxiedClient;
      const logs: string[] = [];
      before(async () => {
        proxied = await connectThroughProxy({
          server: [process.execPath, EVERYTHING_SERVER, 'stdio'],
          env,
          capabilities: { sampling: {}, elicitation: {}, roots: { listChanged: true } },
          setup: (client) => {
            client.setRequestHandler(CreateMessageRequestSchema, async () => ({
              model: 'test-model',
              role: 'assistant',
              content: { type: 'text', text: 'sampled answer' },
            }));
            client.setRequestHandler(ElicitRequestSchema, async () => ({
              action: 'accept',
              content: {
                name: 'Ada',
                check: true,
                firstLine: 'x',
                integer: 3,
                email: 'ada@example.com',
                untitledSingleSelectEnum: 'option1',
              },
            }));
            client.setRequestHandler(ListRootsRequestSchema, async () => ({
              roots: [{ uri: 'file:///work', name: 'work' }],
            }));
            client.setNotificationHandler(LoggingMessageNotificationSchema, async (notification) => {
              logs.push(String(notification.params.level));
            });
          },
        });
      });
      after(() => proxied?.close());

      it('passes tools, resources, templates and prompts through', async () => {
        const tools = (await proxied.client.listTools()).tools.map((tool) => tool.name);
        assert.ok(tools.includes('echo') && tools.includes('get-sum'));
        const echo = (await proxied.client.callTool({
          name: 'echo',
          arguments: { message: 'through' },
        })) as TextResult;
        assert.match(echo.content[0]?.text ?? '', /through/);
        const sum = (await proxied.client.callTool({
          name: 'get-sum',
          arguments: { a: 2, b: 40 },
        })) as TextResult;
        assert.match(sum.content[0]?.text ?? '', /42/);
        const resources = (await proxied.client.listResources()).resources;
        assert.ok(resources.length > 0);
        const first = await proxied.client.readResource({ uri: resources[0]!.uri });
        assert.ok(first.contents.length > 0);
        const templates = (await proxied.client.listResourceTemplates()).resourceTemplates;
        assert.ok(templates.length > 0);
        const prompts = (await proxied.client.listPrompts()).prompts.map((prompt) => prompt.name);
        assert.ok(prompts.includes('simple-prompt'));
        const prompt = await proxied.client.getPrompt({ name: 'simple-prompt' });
        assert.ok(prompt.messages.length > 0);
      });

      it('passes progress notifications through to the caller', async () => {
        const progress: number[] = [];
        const result = (await proxied.client.callTool(
          { name: 'trigger-long-running-operation', arguments: { duration: 0.3, steps: 3 } },
          undefined,
          { onprogress: (update) => progress.push(update.progress) },
        )) as TextResult;
        // The SDK client handles notifications a microtask late but responses at once, so a last
        // progress update read in the same chunk as the response is dropped by the client itself
        // (with or without a proxy): the first ones must arrive, in order.
        assert.deepEqual(progress.slice(0, 2), [1, 2]);
        assert.match(result.content[0]?.text ?? '', /completed/);
      });

      it('passes cancellation through and records the call as cancelled', async () => {
        const controller = new AbortController();
        const call = proxied.client.callTool(
          { name: 'trigger-long-running-operation', arguments: { duration: 5, steps: 5 } },
          undefined,
          { signal: controller.signal },
        );
        setTimeout(() => controller.abort('user pressed stop'), 200);
        await assert.rejects(call, /user pressed stop|abort/i);
        const ping = await proxied.client.ping();
        assert.deepEqual(ping, {});
      });

      it('relays server-to-client requests: sampling, elicitation and roots', async () => {
        const sampled = (await proxied.client.callTool({
          name: 'trigger-sampling-request',
          arguments: { prompt: 'hi' },
        })) as TextResult;
        assert.match(JSON.stringify(sampled.content), /sampled answer/);
        const elicited = (await proxied.client.callTool({
          name: 'trigger-elicitation-request',
          arguments: {},
        })) as TextResult;
        assert.match(JSON.stringify(elicited.content), /Ada/);
        const roots = (await proxied.client.callTool({
          name: 'get-roots-list',
          arguments: {},
        })) as TextResult;
        assert.match(JSON.stringify(roots.content), /file:\/\/\/work/);
      });

      it('records server-to-client requests and cancelled calls as events', async () => {
        await proxied.close();
        const sampling = await eventually(
          async () => (await store.events.list({ method: 'sampling/createMessage' }, { limit: 5 })).items[0],
        );
        assert.match(sampling.response ?? '', /sampled answer/);
        assert.equal(sampling.metadata['direction'], 'server_to_agent');
        const calls = (await store.events.list({ tool: 'trigger-long-running-operation' }, { limit: 10 }))
          .items;
        assert.ok(
          calls.some((event) => /cancelled by the client/.test(event.response ?? '')),
          'the cancelled call',
        );
        assert.ok(
          calls.some((event) => /completed/.test(event.response ?? '')),
          'the completed call',
        );
      });
    });
  });
}
