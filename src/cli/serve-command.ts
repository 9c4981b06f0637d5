import { buildApi } from '../api/index.js';
import { analyticsSchedulerFor, retentionJobFor } from '../app/index.js';
import { type CliIo, packageVersion, startRuntime } from './runtime.js';

/** `mcp-sentinel serve`: the API, webhook and dashboard on one port, until SIGTERM/SIGINT. */
export async function serveCommand(io: CliIo): Promise<number> {
  const app = await startRuntime(io.env);
  const { config } = app;
  const bootstrap = await app.apiKeys.bootstrap(config.adminKey);
  const server = await buildApi(app, {
    version: packageVersion(),
    logger: { level: config.logLevel, stream: io.stderr },
  });
  await server.listen({ host: config.host, port: config.port });
  const analytics = analyticsSchedulerFor(config, app.store, app.analyticsRules, (error) =>
    server.log.error({ err: error }, 'analytics scheduler: a rule run failed'),
  );
  analytics?.start();
  const retention = retentionJobFor(config, app.store, app.retention, (error) =>
    server.log.error({ err: error }, 'retention: a run failed'),
  );
  retention?.start();
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `${config.tls ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  io.stdout.write(`MCP Sentinel ${packageVersion()} listening on ${url} (store: ${app.store.backend})\n`);
  if (bootstrap !== null && !bootstrap.preset) {
    io.stdout.write(
      `\nAdmin API key (shown once; only its hash is stored):\n\n  ${bootstrap.key}\n\n` +
        `Use it as "Authorization: Bearer <key>". Lost it? Stop Sentinel and start it with SENTINEL_ADMIN_KEY set.\n\n`,
    );
  }
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      server.log.info({ signal }, 'shutting down: no new requests, finishing in-flight work');
      const deadline = setTimeout(() => {
        server.log.error('shutdown timed out; closing open connections');
        server.server.closeAllConnections();
      }, config.shutdownTimeoutSeconds * 1000);
      try {
        await server.close();
        await analytics?.stop();
        await retention?.stop();
        await app.drain();
        await app.store.close();
        resolve(0);
      } catch (error) {
        server.log.error({ err: error }, 'shutdown failed');
        resolve(1);
      } finally {
        clearTimeout(deadline);
      }
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}
