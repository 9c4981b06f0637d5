import { authHeaders } from './api';

export interface StreamHandlers<T> {
  onEvent(event: T): void;
  onStatus(status: 'connecting' | 'live' | 'retrying', message?: string): void;
}

/**
 * Reads `/api/events/stream` (server-sent events) with fetch, because EventSource cannot send
 * the Authorization header and the key must not go into a URL. Reconnects after a drop.
 */
export function openEventStream<T>(path: string, handlers: StreamHandlers<T>): () => void {
  const controller = new AbortController();
  let stopped = false;
  const run = async () => {
    while (!stopped) {
      handlers.onStatus('connecting');
      try {
        const response = await fetch(path, {
          headers: { ...authHeaders(), accept: 'text/event-stream' },
          signal: controller.signal,
        });
        if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
        handlers.onStatus('live');
        await readFrames(response.body, (name, data) => {
          if (name === 'mcp-event') handlers.onEvent(JSON.parse(data) as T);
          else if (name === 'stream-error')
            handlers.onStatus('retrying', (JSON.parse(data) as { message: string }).message);
        });
      } catch (error) {
        if (stopped) return;
        handlers.onStatus('retrying', error instanceof Error ? error.message : 'connection lost');
      }
      if (!stopped) await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller.abort();
  };
}

async function readFrames(body: ReadableStream<Uint8Array>, onFrame: (name: string, data: string) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) onFrame(name, data.join('\n'));
      end = buffer.indexOf('\n\n');
    }
  }
}
