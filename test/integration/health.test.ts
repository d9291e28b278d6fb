import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

describe('health and taxonomy', () => {
  it('answers ok once the table and every queue answer', async () => {
    const res = await stack.call('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Object.keys(res.body.checks)).toEqual(
      expect.arrayContaining(['table', 'queue:assess', 'queue:embed', 'queue:match', 'queue:pairing', 'queue:roadshow']),
    );
  });

  it('serves the taxonomy with zh-CN and en labels', async () => {
    const res = await stack.call('GET', '/v1/taxonomy');
    expect(res.status).toBe(200);
    expect(res.body.industries.find((i: { code: string }) => i.code === 'C38')).toEqual({
      code: 'C38', zh: '电气机械和器材制造业', en: 'Electrical machinery and equipment',
    });
    expect(res.body.domains).toHaveLength(12);
    expect(res.body.technologies).toHaveLength(11);
    expect(res.body.regions).toHaveLength(10);
  });
});
