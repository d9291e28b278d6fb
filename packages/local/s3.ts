import { mkdirSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import S3rver from 's3rver';
import { LOCAL_S3_KEYS } from '#files/bucket';
import { corsHeaders, preflight } from './s3-cors';
import { verifySigV4 } from './s3-signature';
import { isAddressInUse, portInUse } from './startup-error';

export interface LocalS3 {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * The local S3: s3rver keeps objects as files under DATA_DIR/s3 and speaks the S3 REST protocol;
 * in front of it a small proxy checks every request's SigV4 signature (header or presigned query),
 * which s3rver itself does not. Why not fauxqs's S3 (already a dependency, 1.9.2): it keeps objects
 * in memory only, so evidence would not survive a restart, and it does not check signatures either.
 */
export async function startLocalS3(opts: { port?: number; portSetting?: string; dataDir: string }): Promise<LocalS3> {
  const directory = join(opts.dataDir, 's3');
  mkdirSync(directory, { recursive: true });
  const backend = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true });
  const inner = await backend.run();
  const proxy: Server = createServer((req, res) => {
    const pre = preflight(req.method, req.headers);
    if (pre) {
      req.resume();
      res.writeHead(pre.status, pre.headers);
      res.end();
      return;
    }
    const cors = corsHeaders(req.headers);
    const verdict = verifySigV4({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }, LOCAL_S3_KEYS);
    if (!verdict.ok) {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/xml', ...cors });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${verdict.code}</Code><Message>${verdict.message}</Message></Error>`);
      return;
    }
    const up = request({ host: '127.0.0.1', port: inner.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, { ...r.headers, ...cors });
      r.pipe(res);
    });
    up.on('error', (err) => {
      res.writeHead(502);
      res.end(String(err));
    });
    req.pipe(up);
  });
  const port = opts.port ?? 0;
  await new Promise<void>((resolve, reject) => proxy.once('error', reject).listen(port, '127.0.0.1', () => resolve())).catch(async (err: unknown) => {
    await backend.close();
    throw isAddressInUse(err) ? portInUse(port, opts.portSetting ?? 'S3') : err;
  });
  return {
    endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    async stop() {
      proxy.closeAllConnections();
      await new Promise<void>((r) => proxy.close(() => r()));
      await backend.close();
    },
  };
}
