import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { ApiEnv } from '../api/env';

import { VENDOR_ASSETS as ASSETS } from './vendor-files';

const require = createRequire(import.meta.url);
const cache = new Map<string, Buffer>();

async function load(key: string): Promise<Buffer> {
  const hit = cache.get(key);
  if (hit) return hit;
  const a = ASSETS[key]!;
  let path: string;
  try {
    path = join(dirname(require.resolve(`${a.pkg}/package.json`)), a.file);
  } catch {
    // Inside a Lambda bundle node_modules is gone; infra copies the files to vendor/.
    path = join(process.cwd(), 'vendor', a.pkg, a.file);
  }
  const buf = await readFile(path);
  cache.set(key, buf);
  return buf;
}

export function vendorRoutes(app: Hono<ApiEnv>) {
  app.get('/vendor/:pkg/:file', async (c, next) => {
    const key = `${c.req.param('pkg')}/${c.req.param('file')}`;
    if (!ASSETS[key]) return next();
    const body = await load(key);
    return c.body(new Uint8Array(body), 200, {
      'content-type': `${ASSETS[key]!.type}; charset=utf-8`,
      'cache-control': 'public, max-age=86400',
    });
  });
}

// The list lives in a pure module so infra/api.ts can import it without Node APIs.
export { VENDOR_FILES } from './vendor-files';
