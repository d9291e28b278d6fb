import { DELIVERY_PERMISSIONS, FUNCTION_DEFAULTS, deliveryEnvironment } from './defaults';
import { chinaIssuer } from './china';
import { chinaSecrets } from './delivery';
import { readProfile } from './profile';
import { allLinks } from './queues';

/**
 * The sign-in server: the OpenAuth issuer (functions/auth/issuer.ts) on its own Lambda. SST's Auth
 * component gives it a DynamoDB table for OpenAuth's own state (signing and encryption keys,
 * authorization codes, refresh tokens) through OPENAUTH_STORAGE; people, organisations and the
 * one-time-code records live in the service's table, hence the links. The China profile builds the
 * same without a function URL (infra/china.ts).
 */
const issuer = {
  ...FUNCTION_DEFAULTS,
  handler: 'functions/auth/handler.handler',
  timeout: '30 seconds',
  link: [...allLinks, ...chinaSecrets],
  environment: deliveryEnvironment(),
  permissions: DELIVERY_PERMISSIONS,
};

export const auth = readProfile().kind === 'global' ? new sst.aws.Auth('Auth', { issuer }) : chinaIssuer(issuer);
