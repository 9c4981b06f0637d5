// The proxy's event writer, on its own thread (src/proxy/sinks/worker-delivery.ts): the same
// composition root as every other process, then the proxy pipeline for one server.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from '../proxy/index.js';
import { localDelivery } from '../proxy/index.js';
import { startRuntime } from './runtime.js';

const { env, serverId } = workerData as { env: NodeJS.ProcessEnv; serverId: string };
const app = await startRuntime(env);
const deliver = localDelivery(app.proxyIngest, serverId);
const port = parentPort!;

port.on('message', async (request: WorkerRequest) => {
  if (request.type === 'deliver') {
    const result = await deliver(request.events).catch((error: Error) => ({
      ok: false as const,
      retry: true,
      reason: error.message,
    }));
    port.postMessage({ type: 'delivered', id: request.id, result } satisfies WorkerReply);
    return;
  }
  await app.drain();
  await app.store.close();
  port.postMessage({ type: 'closed' } satisfies WorkerReply);
  port.close();
});
