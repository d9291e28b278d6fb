import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAIEmbedder } from '#embed/openai';

/** An OpenAI-compatible /v1/embeddings endpoint with scriptable failures. */
let server: Server;
let baseURL: string;
let requests: { auth?: string; body: any }[] = [];
let script: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}');
      requests.push({ auth: req.headers.authorization, body });
      const status = script.shift() ?? 200;
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '10' });
        res.end(JSON.stringify({ error: { message: `status ${status}`, type: 'test' } }));
        return;
      }
      const inputs: string[] = body.input;
      const dims = body.dimensions ?? 4;
      // Reverse order on purpose: clients must use `index`, not position.
      const data = inputs
        .map((text, index) => ({ object: 'embedding', index, embedding: Array.from({ length: dims }, (_, i) => text.length + i) }))
        .reverse();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  baseURL = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/v1`;
});
afterAll(() => server.close());
beforeEach(() => {
  requests = [];
  script = [];
});

const make = (o: Partial<ConstructorParameters<typeof OpenAIEmbedder>[0]> = {}) =>
  new OpenAIEmbedder({ apiKey: 'sk-test', baseURL, model: 'bge-m3', dimensions: 4, batchSize: 3, maxRetries: 3, ...o });

describe('openai embedding adapter against an OpenAI-compatible endpoint', () => {
  it('sends the wire format, batches inputs and returns normalised vectors in input order', async () => {
    const texts = ['a', 'bb', 'ccc', 'dddd', 'eeeee'];
    const vectors = await make().embed(texts);
    expect(requests).toHaveLength(2);
    expect(requests[0]!.auth).toBe('Bearer sk-test');
    expect(requests[0]!.body).toMatchObject({ model: 'bge-m3', input: ['a', 'bb', 'ccc'], dimensions: 4, encoding_format: 'float' });
    expect(requests[1]!.body.input).toEqual(['dddd', 'eeeee']);
    expect(vectors).toHaveLength(5);
    for (const [i, v] of vectors.entries()) {
      const raw = [0, 1, 2, 3].map((k) => texts[i]!.length + k);
      const n = Math.hypot(...raw);
      expect(Array.from(v).map((x) => Number(x.toFixed(5)))).toEqual(raw.map((x) => Number((x / n).toFixed(5))));
    }
  });

  it('retries 429 and 5xx, then succeeds', async () => {
    script = [429, 500, 200];
    const vectors = await make().embed(['x']);
    expect(vectors).toHaveLength(1);
    expect(requests).toHaveLength(3);
  });

  it('surfaces a 401 at once without retrying', async () => {
    script = [401];
    await expect(make().embed(['x'])).rejects.toMatchObject({ status: 401 });
    expect(requests).toHaveLength(1);
  });

  it('gives up after the configured retries', async () => {
    script = [503, 503, 503];
    await expect(make({ maxRetries: 2 }).embed(['x'])).rejects.toMatchObject({ status: 503 });
    expect(requests).toHaveLength(3);
  });
});
