import { z } from 'zod';
import { AppError } from '../../../packages/core/errors';
import { Role } from '../../../packages/core/principal';
import { signToken } from '../../../packages/local/token';
import type { Hono } from 'hono';
import type { ApiEnv } from '../../api/env';
import { fromZod } from '../../api/middleware/errors';
import { BureauDirectoryPage, OverviewPage, PortraitPage, RoadshowsPage } from './bureau';
import { CONSOLE_JS } from './client';
import { DirectoryPage } from './directory';
import { ScenarioDetailPage, ScenariosPage } from './manufacturer';
import { IndicatorsPage, LeadsPage, ProfilePage } from './platform';
import { HomePage, SignInPage } from './sign-in';

/** Stages where anyone may mint a token: a developer's laptop and the test suite, never AWS. */
const DEV_STAGES = new Set(['local', 'test']);

const DevTokenInput = z
  .object({
    role: Role,
    org: z.string().trim().min(1).max(200).regex(/^[A-Za-z0-9_-]+$/).optional(),
    sub: z.string().trim().min(1).max(200).optional(),
  })
  .strict()
  .refine((b) => b.role === 'bureau' || !!b.org, { path: ['org'], message: '该角色须填写机构编号 / org is required for this role' });

export function pageRoutes(app: Hono<ApiEnv>) {
  // Pages are shells: the browser fetches everything from the JSON API with the user's own token,
  // so the API stays the single place that decides who sees what.
  app.get('/assets/console.js', (c) =>
    c.body(CONSOLE_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }),
  );

  app.get('/', (c) => c.html(HomePage()));
  app.get('/sign-in', (c) => c.html(SignInPage({ dev: DEV_STAGES.has(c.var.deps.settings.STAGE) })));
  app.get('/directory', (c) => c.html(DirectoryPage()));

  app.get('/m/scenarios', (c) => c.html(ScenariosPage()));
  app.get('/m/scenarios/:id', (c) => c.html(ScenarioDetailPage({ id: c.req.param('id') })));

  app.get('/p/leads', (c) => c.html(LeadsPage()));
  app.get('/p/profile', (c) => c.html(ProfilePage()));
  app.get('/p/indicators', (c) => c.html(IndicatorsPage()));

  app.get('/b/overview', (c) => c.html(OverviewPage()));
  app.get('/b/directory', (c) => c.html(BureauDirectoryPage()));
  app.get('/b/platforms/:id', (c) => c.html(PortraitPage({ id: c.req.param('id') })));
  app.get('/b/roadshows', (c) => c.html(RoadshowsPage()));

  // Kept out of the OpenAPI document: it is not part of the contract and does not exist in AWS.
  app.post('/dev/token', async (c) => {
    const d = c.var.deps;
    if (!DEV_STAGES.has(d.settings.STAGE)) throw new AppError('NOT_FOUND', '接口不存在 / No such route');
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new AppError('VALIDATION_FAILED', '请求体不是有效的 JSON / Malformed JSON body');
    }
    const parsed = DevTokenInput.safeParse(raw);
    if (!parsed.success) throw fromZod(parsed.error);
    const { role, org, sub } = parsed.data;
    const token = await signToken(d.settings.AUTH_SECRET, { role, org: role === 'bureau' ? undefined : org, sub });
    return c.json({ token, role, ...(role === 'bureau' ? {} : { org }) }, 200);
  });
}
