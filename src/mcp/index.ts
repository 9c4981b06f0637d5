export { createSentinelMcpServer, type SentinelMcpOptions } from './sentinel-mcp-server.js';
export { TIERS, type Tier, TOOLSETS, type Tool, type Toolset } from './tool.js';
export { COMPACT_LIMIT, type Exposure, exposureOf, permittedTools, STATIC_TOOLS } from './tool-registry.js';
export { envelopeTag, escapedJson, wrapUntrusted } from './untrusted-envelope.js';
