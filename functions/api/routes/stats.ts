import type { Api } from '../app';

export function statsRoutes(app: Api) {
  void app;
}
