import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformBody, scenarioBody, specializedL2Report } from '../support/fixtures';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let tokens: Record<'bureau' | 'mfr' | 'plt', string>;
let platformId: string;
let scenarioId: string;

beforeAll(async () => {
  stack = await startTestStack({ pollers: false, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const bureau = await stack.token('bureau');
  const p = await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody('模糊测试平台') });
  platformId = p.body.id;
  const mfr = await stack.token('manufacturer', 'ent_fuzz');
  scenarioId = (await stack.call('POST', '/v1/scenarios', { token: mfr, body: scenarioBody() })).body.id;
  tokens = { bureau, mfr, plt: await stack.token('platform', platformId) };
});
afterAll(() => stack?.stop());

async function itemCount(): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const res = await stack.deps.db.send(new ScanCommand({ TableName: stack.settings.TABLE_NAME, Select: 'COUNT', ExclusiveStartKey: start }));
    n += res.Count ?? 0;
    start = res.LastEvaluatedKey;
  } while (start);
  return n;
}

// Values an attacker or a careless client sends: deep nesting, huge and odd strings, prototype
// keys, numbers as strings, NaN/Infinity (JSON turns them into null), injection-looking text.
const nasty = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', "'; DROP TABLE t; --", '#pk = :pk OR 1=1', '${jndi:ldap://x}', '\u0000', '\uD800', '😀'.repeat(50), 'ａｂｃ', '  ', ''),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('x'.repeat(5000), '好'.repeat(300_000)),
  fc.constantFrom('123', '-1', '1e309', 'NaN', 'Infinity', 'true'),
);
const leaf = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, -1));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('arr'), tie('obj')),
  arr: fc.array(tie('node'), { maxLength: 4 }),
  obj: fc.dictionary(fc.oneof(nasty, fc.constantFrom('name', 'general', 'specific', 'title', 'reason', 'industries')), tie('node'), { maxKeys: 5 }),
})).node;
const deep = fc.integer({ min: 50, max: 3000 }).map((d) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < d; i++) v = { a: v };
  return v;
});

// Mutations of a valid body: one field replaced by something hostile.
const mutate = (base: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(base), '__proto__', 'extra'), fc.oneof(value, deep)).map(([k, v]) => {
    const copy: Record<string, unknown> = JSON.parse(JSON.stringify(base));
    Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true, writable: true });
    return copy;
  });

const routes = () => [
  { name: 'POST /v1/platforms', method: 'POST', path: '/v1/platforms', token: tokens.bureau, body: mutate(platformBody('x')) },
  { name: 'PATCH /v1/platforms/{id}', method: 'PATCH', path: `/v1/platforms/${platformId}`, token: tokens.plt, body: mutate({ region: '城阳区', description: 'd' }) },
  { name: 'POST solutions', method: 'POST', path: `/v1/platforms/${platformId}/solutions`, token: tokens.plt, body: mutate({ title: 't', description: 'd', industries: [], domains: ['quality'], technologies: [] }) },
  { name: 'PUT indicators', method: 'PUT', path: `/v1/platforms/${platformId}/indicators/2024`, token: tokens.plt, body: mutate(specializedL2Report()) },
  { name: 'PUT rule-sets', method: 'PUT', path: '/v1/rule-sets/fuzz-1', token: tokens.bureau, body: mutate({ version: 'fuzz-1', passShare: 0.8, gates: {}, thresholds: {} }) },
  { name: 'POST /v1/scenarios', method: 'POST', path: '/v1/scenarios', token: tokens.mfr, body: mutate(scenarioBody()) },
  { name: 'POST batches', method: 'POST', path: '/v1/scenarios/batches', token: tokens.bureau, body: mutate({ batch: '第1批', scenarioIds: ['nope'] }) },
  { name: 'POST decline', method: 'POST', path: '/v1/leads/lead_missing/decline', token: tokens.plt, body: mutate({ reason: 'r' }) },
  { name: 'POST /v1/roadshows', method: 'POST', path: '/v1/roadshows', token: tokens.bureau, body: mutate({ title: 't', date: '2026-12-01', maxScenarios: 1, platformsPerScenario: 1, maxSlotsPerPlatform: 1 }) },
];

describe('random and adversarial payloads on every write route', () => {
  it('never answer 5xx, answer errors in the documented shape, and a refused write changes nothing', async () => {
    const documented = new Set([400, 401, 403, 404, 409, 413, 429]);
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(route.body, async (body) => {
          const before = await itemCount();
          let raw: string;
          try {
            raw = JSON.stringify(body);
          } catch {
            return; // not representable as JSON (e.g. lone surrogates are fine; cycles are not generated)
          }
          const res = await stack.call(route.method, route.path, { token: route.token, raw });
          expect(res.status, `${route.name} ${raw.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(documented.has(res.status), `${route.name} → ${res.status}`).toBe(true);
            expect(typeof res.body.error.code).toBe('string');
            expect(await itemCount(), `${route.name} wrote on ${res.status}`).toBe(before);
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: 25, seed: 20261124 },
      );
    }
  }, 240_000);

  it('answers raw garbage bodies with 400 and writes nothing', async () => {
    const before = await itemCount();
    for (const raw of ['{', '[]', 'null', '"x"', '{"a":1}{', '\u0000', '{"__proto__":{"polluted":1}}', 'NaN', '1'.repeat(1000)]) {
      const res = await stack.call('POST', '/v1/scenarios', { token: tokens.mfr, raw });
      expect(res.status, raw).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await itemCount()).toBe(before);
  });
});
