import type { Deps } from '#runtime/deps';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { finishApp, withMiddleware, type Api } from './base';
import type { ApiEnv } from './env';
import { fromZod } from './middleware/errors';
import { accountRoutes } from './routes/accounts';
import { apiKeyRoutes } from './routes/api-keys';
import { auditRoutes } from './routes/audit';
import { diagnosisRoutes } from './routes/diagnoses';
import { evidenceRoutes } from './routes/evidence';
import { importRoutes } from './routes/imports';
import { indicatorRoutes } from './routes/indicators';
import { leadRoutes } from './routes/leads';
import { platformRoutes } from './routes/platforms';
import { privacyRoutes } from './routes/privacy';
import { noticeRoutes } from './routes/notices';
import { notificationRoutes } from './routes/notifications';
import { defenceRoutes } from './routes/defences';
import { trackingRoutes } from './routes/tracking';
import { reviewRoutes } from './routes/reviews';
import { roadshowRoutes } from './routes/roadshows';
import { roundRoutes } from './routes/rounds';
import { scenarioRoutes } from './routes/scenarios';
import { selectionRoutes } from './routes/selections';
import { catalogueRoutes } from './routes/catalogue';
import { supportRoutes } from './routes/support';
import { statsRoutes } from './routes/stats';
import { systemRoutes } from './routes/system';

export { MAX_BODY_BYTES, type Api } from './base';

/**
 * The JSON API under /v1 and its OpenAPI document. `extra` lets the local runtime serve the
 * console from the same app; on AWS the console is its own function behind the same router.
 */
export function createApp(deps: Deps, ...extra: ((app: Hono<ApiEnv>) => void)[]): Api {
  const app = withMiddleware(
    new OpenAPIHono<ApiEnv>({
      // Every zod failure becomes the same 400 shape, wherever it happens.
      defaultHook: (result) => {
        if (!result.success) throw fromZod(result.error);
      },
    }),
    deps,
  );
  systemRoutes(app);
  platformRoutes(app);
  indicatorRoutes(app);
  scenarioRoutes(app);
  leadRoutes(app);
  roadshowRoutes(app);
  statsRoutes(app);
  accountRoutes(app);
  apiKeyRoutes(app);
  auditRoutes(app);
  roundRoutes(app);
  evidenceRoutes(app);
  noticeRoutes(app);
  reviewRoutes(app);
  defenceRoutes(app);
  trackingRoutes(app);
  diagnosisRoutes(app);
  notificationRoutes(app);
  selectionRoutes(app);
  catalogueRoutes(app);
  supportRoutes(app);
  importRoutes(app);
  privacyRoutes(app);

  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '工赋青岛 · 工业互联网平台培优 API',
      version: '1.0.0',
      description: 'Qingdao industrial internet platform cultivation service (HTTP contract v1).',
    },
    servers: [{ url: '/' }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'X-Api-Key' });
  for (const register of extra) register(app);
  return finishApp(app);
}
