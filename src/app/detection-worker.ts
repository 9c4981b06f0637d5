// A detection thread (started by detection-thread.ts): the pure engine over the rules the main
// thread sent last, one batch of events per message. Nothing here touches the store.
import { parentPort } from 'node:worker_threads';
import { createEngine, type DetectionEngine } from '../detect/index.js';
import type { DetectionReply, DetectionRequest } from './detection-protocol.js';

const port = parentPort;
if (port === null) throw new Error('detection-worker.ts runs as a worker thread');

/** The engine of the last rules message, or why it could not be built. */
let current: { readonly version: number; readonly engine: DetectionEngine | Error } | null = null;

function reply(message: DetectionReply): void {
  port?.postMessage(message);
}

port.on('message', (request: DetectionRequest) => {
  if (request.type === 'rules') {
    let engine: DetectionEngine | Error;
    try {
      engine = createEngine(request.rules);
    } catch (error) {
      engine = error instanceof Error ? error : new Error(String(error));
    }
    current = { version: request.version, engine };
    return;
  }
  try {
    if (current?.version !== request.version) {
      throw new Error(`rules version ${request.version} was never sent to this thread`);
    }
    const { engine } = current;
    if (engine instanceof Error) throw engine;
    const findings = request.events.map((event) => [...engine.scan(event).findings]);
    reply({ type: 'scanned', id: request.id, findings });
  } catch (error) {
    reply({ type: 'failed', id: request.id, message: (error as Error).message });
  }
});

reply({ type: 'ready' });
