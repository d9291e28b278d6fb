import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { Hono } from 'hono';
import type { ApiEnv } from '../api/env';
import { assetDir, manifest } from './asset-manifest';

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.css': 'text/css; charset=utf-8' };

/** The built browser code and icon, by hashed name: cached for a year, since a change is a new name. */
export function assetRoutes(app: Hono<ApiEnv>) {
  app.get('/assets/*', async (c, next) => {
    const rel = normalize(c.req.path.slice('/assets/'.length));
    const type = TYPES[extname(rel)];
    if (!type || rel.startsWith('..') || rel.includes('\0') || rel === 'manifest.json') return next();
    let body: Buffer;
    try {
      body = await readFile(join(assetDir(), rel));
    } catch {
      return next();
    }
    return c.body(new Uint8Array(body), 200, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' });
  });
  // Browsers ask for /favicon.ico on their own (e.g. on /docs); the console's icon answers.
  app.get('/favicon.ico', (c) => c.redirect(manifest().favicon, 302));
}
