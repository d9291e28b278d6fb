import type { Api } from '../app';

export function pageRoutes(app: Api) {
  void app;
}
