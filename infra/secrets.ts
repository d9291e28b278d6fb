/**
 * Secrets, read by code as `Resource.AuthSecret.value` / `Resource.OpenAIApiKey.value`.
 * Set with `npx sst secret set AuthSecret <≥16 chars> --stage <stage>`.
 */
export const authSecret = new sst.Secret('AuthSecret');

/** Placeholder default so deployments using the local embedder need not set it. */
export const openaiApiKey = new sst.Secret('OpenAIApiKey', 'unset');

export const secrets = [authSecret, openaiApiKey];
