import { createRoute, z } from '@hono/zod-openapi';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { TAXONOMY } from '#core/taxonomy';
import type { Api } from '../app';

const Term = z.object({ code: z.string(), zh: z.string(), en: z.string() });
const Taxonomy = z
  .object({
    industries: z.array(Term),
    domains: z.array(Term),
    technologies: z.array(Term),
    regions: z.array(Term),
    categories: z.array(Term),
    subtypes: z.array(Term),
  })
  .openapi('Taxonomy');

const Health = z.object({ status: z.enum(['ok', 'degraded']), checks: z.record(z.string(), z.boolean()) });

export function systemRoutes(app: Api) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/health',
      tags: ['system'],
      summary: '健康检查 / Health',
      responses: {
        200: { description: 'storage and queues answer', content: { 'application/json': { schema: Health } } },
        503: { description: 'a dependency does not answer', content: { 'application/json': { schema: Health } } },
      },
    }),
    async (c) => {
      const d = c.var.deps;
      const checks: Record<string, boolean> = {};
      const probes = [
        d.ddb.send(new DescribeTableCommand({ TableName: d.resources.tableName })).then(() => 'table'),
        ...Object.entries(d.resources.queueUrls).map(([name, url]) =>
          d.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] })).then(() => `queue:${name}`),
        ),
      ];
      const names = ['table', ...Object.keys(d.resources.queueUrls).map((n) => `queue:${n}`)];
      const results = await Promise.allSettled(probes);
      results.forEach((r, i) => (checks[names[i]!] = r.status === 'fulfilled'));
      const ok = Object.values(checks).every(Boolean);
      return c.json({ status: ok ? ('ok' as const) : ('degraded' as const), checks }, ok ? 200 : 503);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/taxonomy',
      tags: ['system'],
      summary: '分类与代码表 / Taxonomy with zh-CN and en labels',
      responses: { 200: { description: 'taxonomy', content: { 'application/json': { schema: Taxonomy } } } },
    }),
    (c) => c.json(TAXONOMY as unknown as z.infer<typeof Taxonomy>, 200),
  );
}
