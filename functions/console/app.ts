import { swaggerUI } from '@hono/swagger-ui';
import type { Deps } from '#runtime/deps';
import { Hono } from 'hono';
import { finishApp, withMiddleware } from '../api/base';
import type { ApiEnv } from '../api/env';
import { assetRoutes } from './assets';
import { pageRoutes } from './pages/routes';
import { vendorRoutes } from './vendor';

/** Everything a browser loads that is not /v1: pages, the API reference, locally served assets. */
export function consoleRoutes(app: Hono<ApiEnv>): void {
  app.get('/docs', swaggerUI({ url: '/v1/openapi.json', baseUrl: '/vendor' }));
  vendorRoutes(app);
  assetRoutes(app);
  pageRoutes(app);
}

/** The console on its own (its Lambda); the JSON API is a separate function behind the router. */
export function createConsoleApp(deps: Deps): Hono<ApiEnv> {
  const app = withMiddleware(new Hono<ApiEnv>(), deps);
  consoleRoutes(app);
  return finishApp(app);
}
