import type { JsonRpcMessage } from '../json-rpc.js';

/** The stateless revision: no initialize, no sessions, routing headers mirrored from the body. */
export const STATELESS_PROTOCOL_VERSION = '2026-07-28';

/** MCP 2026-07-28 §Streamable HTTP: a request whose headers disagree with its body is rejected with -32020. */
export const HEADER_MISMATCH_CODE = -32020;

const BASE64_PREFIX = '=?base64?';
const BASE64_SUFFIX = '?=';

/** Methods whose target is mirrored in `Mcp-Name`, and the param it comes from. */
const NAME_PARAM: Readonly<Record<string, 'name' | 'uri'>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};

/** Decodes a mirrored header value (`=?base64?...?=` for non-ASCII); null when malformed. */
export function decodeHeaderValue(value: string): string | null {
  if (!value.startsWith(BASE64_PREFIX) || !value.endsWith(BASE64_SUFFIX)) {
    return /^[\x20-\x7e]*$/.test(value) ? value : null;
  }
  const encoded = value.slice(BASE64_PREFIX.length, value.length - BASE64_SUFFIX.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return null;
  const bytes = Buffer.from(encoded, 'base64');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // A lossy decode (invalid UTF-8) would compare equal to nothing honest: reject it.
  return Buffer.from(text, 'utf8').equals(bytes) ? text : null;
}

/**
 * Checks `Mcp-Method` and `Mcp-Name` against the body; returns why they disagree, or null.
 * `Mcp-Method` is required on every request and notification; `Mcp-Name` when the body names a
 * tool, prompt or resource. A present `Mcp-Name` with nothing to match is a mismatch too: it did
 * not come from this body.
 */
export function headerMismatch(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  message: JsonRpcMessage,
): string | null {
  if (!('method' in message)) return null;
  const methodHeader = single(headers['mcp-method']);
  if (methodHeader === undefined) return 'the Mcp-Method header is required';
  if (decodeHeaderValue(methodHeader) !== message.method)
    return `the Mcp-Method header does not match the body's method "${message.method}"`;
  const nameHeader = single(headers['mcp-name']);
  const param = NAME_PARAM[message.method];
  const params = (message.params ?? {}) as Record<string, unknown>;
  const bodyName = param === undefined ? undefined : params[param];
  if (typeof bodyName !== 'string') {
    return nameHeader === undefined ? null : 'the Mcp-Name header names something the body does not';
  }
  if (nameHeader === undefined) return `the Mcp-Name header is required for ${message.method}`;
  const decoded = decodeHeaderValue(nameHeader);
  if (decoded === null) return 'the Mcp-Name header is malformed';
  return decoded === bodyName ? null : `the Mcp-Name header does not match the body's ${param}`;
}

/** The revision a request speaks: the header, or (2026-07-28) the version in `params._meta`. */
export function requestedProtocolVersion(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  message: JsonRpcMessage,
): string | undefined {
  const header = single(headers['mcp-protocol-version']);
  if (header !== undefined) return header;
  if (!('method' in message)) return undefined;
  const meta = (message.params as { _meta?: Record<string, unknown> } | undefined)?._meta;
  const version = meta?.['io.modelcontextprotocol/protocolVersion'];
  return typeof version === 'string' ? version : undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
