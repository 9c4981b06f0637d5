/**
 * A Sentinel node for the HTTP gateway benchmark, in its own process (so the load generator does
 * not share its event loop): a fresh SQLite store, the full API with detection on, one server
 * registered in front of the upstream. Prints `{"base","serverId","key"}` on stdout when ready.
 * Run: `node --import tsx bench/proxy/http-gateway-entry.ts <upstream-url>`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApi } from '../../src/api/index.js';
import { createApplication } from '../../src/app/index.js';
import { loadConfig } from '../../src/config/index.js';
import { openStore } from '../../src/store/index.js';

const upstreamUrl = process.argv[2];
if (upstreamUrl === undefined) {
  console.error('usage: http-gateway-entry.ts <upstream-url>');
  process.exit(64);
}
const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-bench-gateway-'));
const config = loadConfig({ SENTINEL_LOG_LEVEL: 'silent', SENTINEL_DATA_DIR: dataDir, ...process.env });
const store = await openStore(config);
const app = createApplication(config, store, { secretKey: 'b'.repeat(64) });
const bootstrap = await app.apiKeys.bootstrap(null);
if (bootstrap === null) throw new Error('expected a fresh store');
const admin = await app.apiKeys.authenticate(bootstrap.key);
const created = await app.servers.create(admin, {
  name: 'everything',
  type: 'other',
  endpointUrl: upstreamUrl,
  auth: { apiKey: true },
});
const http = await buildApi(app, { version: 'bench', logger: false });
await http.listen({ host: '127.0.0.1', port: 0 });
const address = http.server.address();
if (typeof address !== 'object' || address === null) throw new Error('no address');
process.stdout.write(
  `${JSON.stringify({ base: `http://127.0.0.1:${address.port}`, serverId: created.server.id, key: bootstrap.key, dataDir })}\n`,
);
process.on('SIGTERM', () => {
  void http
    .close()
    .then(() => app.drain())
    .then(() => store.close())
    .finally(() => process.exit(0));
});
