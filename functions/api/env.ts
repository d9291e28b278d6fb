import type { Deps } from '../../packages/runtime/deps';
import type { Principal } from '../../packages/core/principal';

/** Hono context variables set by the middleware chain. */
export interface ApiEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    principal?: Principal;
  };
}
