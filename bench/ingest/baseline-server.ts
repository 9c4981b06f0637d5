/**
 * The baseline: a bare node:http server that reads the whole body and answers 202 `{}` without
 * doing any work, so the same load against it shows the cost of the raw HTTP path on this machine.
 * Run: `node --import tsx bench/ingest/baseline-server.ts <port>`; `GET /health` answers 200.
 */
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: baseline-server.ts <port>');
  process.exit(64);
}

const server = createServer((request, response) => {
  let bytes = 0;
  request.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  request.on('end', () => {
    const status = request.method === 'GET' ? 200 : bytes > 0 ? 202 : 400;
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': '2' });
    response.end('{}');
  });
});
server.keepAliveTimeout = 72_000;
server.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
