import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioBody } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let mfr: string;
// One keep-alive connection, as a browser or an SDK client reuses it: a refusal that resets the
// socket fails the next request, not the oversized one.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  stack = await startTestStack({ http: true, pollers: false, env: { PORT: '0' } });
  mfr = await stack.token('manufacturer', 'ent_oversized');
});
afterAll(async () => {
  agent.destroy();
  await stack?.stop();
});

function post(path: string, body: string, chunked = false): Promise<{ status: number; body: any; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(`${stack.url}${path}`, {
      method: 'POST',
      agent,
      headers: { authorization: `Bearer ${mfr}`, 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': Buffer.byteLength(body) }) },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text), reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    if (!chunked) return req.end(body);
    // No declared length: the limit is only found while reading.
    for (let at = 0; at < body.length; at += 16_384) req.write(body.slice(at, at + 16_384));
    req.end();
  });
}

const huge = JSON.stringify(scenarioBody({ description: '注塑机停机'.repeat(20_480) }));

describe('oversized requests over real HTTP', () => {
  it('50 posts of 300 KB in a row each get 413 PAYLOAD_TOO_LARGE on the same connection, and the next normal request succeeds on it', async () => {
    expect(Buffer.byteLength(huge)).toBeGreaterThan(300 * 1024);
    for (let i = 0; i < 50; i++) {
      const res = await post('/v1/scenarios', huge);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(res.body.error.message).toMatch(/\S+ \/ \S+/);
      if (i > 0) expect(res.reusedSocket).toBe(true);
    }
    const ok = await post('/v1/scenarios', JSON.stringify(scenarioBody()));
    expect(ok.status).toBe(201);
    expect(ok.reusedSocket).toBe(true);
  }, 60_000);

  it('chunked bodies without a length (1 MB) get the same 413 once past the limit, and the connection stays usable', async () => {
    const megabyte = JSON.stringify(scenarioBody({ description: '注塑机停机'.repeat(70_000) }));
    for (let i = 0; i < 10; i++) {
      const res = await post('/v1/scenarios', megabyte, true);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    }
    const ok = await post('/v1/scenarios', JSON.stringify(scenarioBody({ title: '分块请求之后的正常请求' })), true);
    expect(ok.status).toBe(201);
    expect(ok.reusedSocket).toBe(true);
  }, 60_000);
});
