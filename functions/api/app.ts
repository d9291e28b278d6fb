import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { swaggerUI } from '@hono/swagger-ui';
import { AppError } from '../../packages/core/errors';
import type { Deps } from '../../packages/runtime/deps';
import type { ApiEnv } from './env';
import { authenticate } from './middleware/auth';
import { errorBody, fromZod, onError } from './middleware/errors';
import { requestLog } from './middleware/log';
import { rateLimit } from './middleware/rate-limit';
import { vendorRoutes } from './routes/vendor';
import { systemRoutes } from './routes/system';
import { platformRoutes } from './routes/platforms';
import { indicatorRoutes } from './routes/indicators';
import { scenarioRoutes } from './routes/scenarios';
import { leadRoutes } from './routes/leads';
import { roadshowRoutes } from './routes/roadshows';
import { statsRoutes } from './routes/stats';
import { pageRoutes } from './pages/routes';

export const MAX_BODY_BYTES = 256 * 1024;

export type Api = OpenAPIHono<ApiEnv>;

export function createApp(deps: Deps): Api {
  const app = new OpenAPIHono<ApiEnv>({
    // Every zod failure becomes the same 400 shape, wherever it happens.
    defaultHook: (result) => {
      if (!result.success) throw fromZod(result.error);
    },
  });

  app.use('*', requestId({ headerName: 'x-request-id' }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestLog());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody(new AppError('PAYLOAD_TOO_LARGE')), 413),
    }),
  );
  app.use('*', authenticate());
  app.use('/v1/*', rateLimit());

  systemRoutes(app);
  platformRoutes(app);
  indicatorRoutes(app);
  scenarioRoutes(app);
  leadRoutes(app);
  roadshowRoutes(app);
  statsRoutes(app);
  vendorRoutes(app);
  pageRoutes(app);

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
  app.get('/docs', swaggerUI({ url: '/v1/openapi.json', baseUrl: '/vendor' }));

  app.notFound((c) => c.json(errorBody(new AppError('NOT_FOUND', '接口不存在 / No such route')), 404));
  app.onError(onError);
  return app;
}
