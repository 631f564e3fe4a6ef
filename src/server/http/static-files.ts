import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers every page carries: nothing may be loaded from another host, nothing framed. */
const pageHeaders = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function sendFile(reply: FastifyReply, path: string, immutable: boolean): FastifyReply {
  return reply
    .headers(pageHeaders)
    .header('content-type', types[extname(path)] ?? 'application/octet-stream')
    .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .send(createReadStream(path));
}

/**
 * Serves the built web app from `root`: files as they are (hashed assets cached for good), and
 * index.html for every other path that is not under /api, so the app's own routes load.
 */
export function serveWebApp(app: FastifyInstance, root: string): void {
  const base = normalize(root + sep);
  app.get('/*', async (request, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      path = '/';
    }
    if (path.startsWith('/api/')) {
      reply.callNotFound();
      return reply;
    }
    const candidate = normalize(join(base, path));
    if (candidate.startsWith(base) && path !== '/' && (await isFile(candidate))) return sendFile(reply, candidate, path.startsWith('/assets/'));
    const index = join(base, 'index.html');
    if (await isFile(index)) return sendFile(reply, index, false);
    return reply.code(503).header('content-type', 'text/plain; charset=utf-8').send('The web app has not been built: run `npm run build`.');
  });
}
