import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHeaderValue, headerMismatch } from '../../src/proxy/http/header-mirror.js';
import { originAllowed } from '../../src/proxy/http/origin-check.js';
import { formatSse, parseSse } from '../../src/proxy/http/sse-parser.js';

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

async function collect(...parts: string[]) {
  const out = [];
  for await (const event of parseSse(chunks(...parts))) out.push(event);
  return out;
}

describe('SSE parser', () => {
  it('parses events split across chunks, CRLF and multi-line data', async () => {
    const events = await collect(
      'id: 1\r\nevent: message\r\ndata: {"a"',
      ':1}\r\n\r\ndata: x\ndata: y\n',
      '\n',
    );
    assert.deepEqual(events, [
      { event: 'message', data: '{"a":1}', id: '1' },
      { event: 'message', data: 'x\ny', id: '1' },
    ]);
  });

  it('skips comments and round-trips what it formats', async () => {
    const text = `: keepalive\n\n${formatSse('line1\nline2', { id: 'e7', event: 'endpoint' })}`;
    assert.deepEqual(await collect(text), [{ event: 'endpoint', data: 'line1\nline2', id: 'e7' }]);
  });
});

describe('Origin allowlist', () => {
  it('allows no Origin, a listed origin (normalised), and refuses others and "null"', () => {
    const list = ['https://app.example.com', 'http://localhost:3000/'];
    assert.equal(originAllowed(undefined, list), true);
    assert.equal(originAllowed('https://app.example.com', list), true);
    assert.equal(originAllowed('https://APP.example.com:443', list), true);
    assert.equal(originAllowed('http://localhost:3000', list), true);
    assert.equal(originAllowed('http://localhost:3001', list), false);
    assert.equal(originAllowed('https://app.example.com.evil.io', list), false);
    assert.equal(originAllowed('null', list), false);
    assert.equal(originAllowed('not a url', list), false);
  });
});

describe('2026-07-28 mirrored headers', () => {
  const call = {
    jsonrpc: '2.0' as const,
    id: 1,
    method: 'tools/call',
    params: { name: 'héllo', arguments: {} },
  };

  it('decodes the Base64 form and rejects malformed or non-ASCII raw values', () => {
    assert.equal(decodeHeaderValue('plain_name'), 'plain_name');
    assert.equal(decodeHeaderValue(`=?base64?${Buffer.from('héllo').toString('base64')}?=`), 'héllo');
    assert.equal(decodeHeaderValue('=?base64?%%%?='), null);
    assert.equal(decodeHeaderValue(`=?base64?${Buffer.from([0xff, 0xfe]).toString('base64')}?=`), null);
    assert.equal(decodeHeaderValue('line\nbreak'), null);
  });

  it('requires Mcp-Method always and Mcp-Name for named targets, and matches them to the body', () => {
    const name = `=?base64?${Buffer.from('héllo').toString('base64')}?=`;
    assert.equal(headerMismatch({ 'mcp-method': 'tools/call', 'mcp-name': name }, call), null);
    assert.match(headerMismatch({ 'mcp-name': name }, call) ?? '', /Mcp-Method header is required/);
    assert.match(
      headerMismatch({ 'mcp-method': 'tools/list', 'mcp-name': name }, call) ?? '',
      /does not match/,
    );
    assert.match(headerMismatch({ 'mcp-method': 'tools/call' }, call) ?? '', /Mcp-Name header is required/);
    assert.match(
      headerMismatch({ 'mcp-method': 'tools/call', 'mcp-name': 'other' }, call) ?? '',
      /does not match/,
    );
    const read = { jsonrpc: '2.0' as const, id: 2, method: 'resources/read', params: { uri: 'file:///a' } };
    assert.equal(headerMismatch({ 'mcp-method': 'resources/read', 'mcp-name': 'file:///a' }, read), null);
    const list = { jsonrpc: '2.0' as const, id: 3, method: 'tools/list' };
    assert.equal(headerMismatch({ 'mcp-method': 'tools/list' }, list), null);
    assert.match(
      headerMismatch({ 'mcp-method': 'tools/list', 'mcp-name': 'x' }, list) ?? '',
      /names something/,
    );
  });
});
