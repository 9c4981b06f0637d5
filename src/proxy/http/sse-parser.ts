/** One Server-Sent Event as the HTML spec's parser dispatches it. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | null;
}

/** Parses an SSE byte stream incrementally, yielding each event as soon as its blank line arrives. */
export async function* parseSse(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | null = null;
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline = buffer.search(/\r\n|\r|\n/);
    while (newline !== -1) {
      const line = buffer.slice(0, newline);
      // A lone \r at the end of the buffer may be the first half of \r\n: wait for more.
      if (buffer[newline] === '\r' && newline === buffer.length - 1) break;
      const width = buffer.startsWith('\r\n', newline) ? 2 : 1;
      buffer = buffer.slice(newline + width);
      if (line === '') {
        if (data.length > 0) yield { event: event || 'message', data: data.join('\n'), id };
        data = [];
        event = '';
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') data.push(value);
        else if (field === 'event') event = value;
        else if (field === 'id' && !value.includes('\0')) id = value;
      }
      newline = buffer.search(/\r\n|\r|\n/);
    }
  }
}

/** Serialises one event; multi-line data becomes several `data:` lines. */
export function formatSse(data: string, options: { event?: string; id?: string | null } = {}): string {
  let out = '';
  if (options.event && options.event !== 'message') out += `event: ${options.event}\n`;
  if (options.id) out += `id: ${options.id}\n`;
  for (const line of data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}
