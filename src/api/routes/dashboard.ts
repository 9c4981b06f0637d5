import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where `npm run build` puts the dashboard: dist/web, found from src/ (tsx) and dist/ alike. */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/**
 * No inline script or style may run: the bundle is a file from this origin, and every captured
 * string is rendered as text, so an injected `<script>` would be both escaped and blocked.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': DASHBOARD_CSP,
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Paths that belong to the API or operations, never to the single-page app. */
const NOT_SPA = /^\/(api|metrics|health)(\/|$|\?)/;

/**
 * The dashboard: hashed assets from its production build, and index.html for every other GET so
 * client routes (`/alerts/<id>`) survive a reload. API routes keep precedence and their 404s.
 */
export async function dashboardRoutes(server: FastifyInstance, options: { dir?: string }) {
  const dir = options.dir ?? DEFAULT_DASHBOARD_DIR;
  server.addHook('onSend', async (_request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
  });
  if (!existsSync(join(dir, 'index.html'))) {
    server.get('/', async (_request, reply) =>
      reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The dashboard is not built. Run `npm run build`; the REST API under /api works without it.\n'),
    );
    return;
  }
  await server.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    // Our own cache-control per file below (hashed assets forever, the rest revalidated).
    cacheControl: false,
    setHeaders: (res, path) => {
      const cache = path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.setHeader('cache-control', cache);
    },
  });
  const sendApp = (reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile('index.html');
  server.get('/', async (_request, reply) => sendApp(reply));
  server.get('/*', async (request, reply) => {
    if (NOT_SPA.test(request.url) || /\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '')) {
      return reply.callNotFound();
    }
    return sendApp(reply);
  });
}
