import { createServer, request, type Server } from 'node:http';

export interface FlakyProxy {
  endpoint: string;
  stats: { forwarded: number; throttled: number; failed: number };
  close(): Promise<void>;
}

/**
 * Sits in front of DynamoDB Local and answers some requests itself, as DynamoDB does under load:
 * every `throttleEvery`-th request gets a ProvisionedThroughputExceededException (400) and every
 * `failEvery`-th an InternalServerError (500), before reaching the database.
 */
export async function startFlakyProxy(target: string, opts: { throttleEvery: number; failEvery: number }): Promise<FlakyProxy> {
  const url = new URL(target);
  const stats = { forwarded: 0, throttled: 0, failed: 0 };
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      n++;
      const body = Buffer.concat(chunks);
      const reply = (status: number, type: string) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `flaky-${n}` });
        res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: 'injected by the test proxy' }));
      };
      if (n % opts.throttleEvery === 0) {
        stats.throttled++;
        return reply(400, 'ProvisionedThroughputExceededException');
      }
      if (n % opts.failEvery === 0) {
        stats.failed++;
        return reply(500, 'InternalServerError');
      }
      stats.forwarded++;
      const up = request(
        { hostname: url.hostname, port: url.port, path: req.url, method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 500, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => reply(500, 'InternalServerError'));
      up.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  return {
    endpoint: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`,
    stats,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
