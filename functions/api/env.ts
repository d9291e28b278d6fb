import type { Deps } from '#runtime/deps';
import type { Principal } from '#core/principal';

/** Hono context variables set by the middleware chain. */
export interface ApiEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    principal?: Principal;
    /** A signed-in person (user token), whether or not they act for an organisation yet. */
    account?: { userId: string };
  };
}
