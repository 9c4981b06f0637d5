/**
 * The baseline for the gateway: a bare node:http reverse proxy that pipes each request to the
 * upstream and the answer back (keep-alive, no parsing, no detection, no store), so the benchmark
 * can tell what one extra HTTP hop costs on this machine from what Sentinel adds on top.
 * Run: `node bench/proxy/bare-proxy.ts <upstream-url>`; prints `{"url"}` when ready.
 */
import { Agent, createServer, request } from 'node:http';

const upstream = new URL(process.argv[2] ?? '');
const agent = new Agent({ keepAlive: true });

const server = createServer((incoming, outgoing) => {
  const forward = request(
    upstream,
    { method: incoming.method, headers: { ...incoming.headers, host: upstream.host }, agent },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  forward.on('error', () => outgoing.destroy());
  incoming.pipe(forward);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${address.port}/mcp` })}\n`);
});
