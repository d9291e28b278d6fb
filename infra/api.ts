import { BUNDLED_ASSET_DIR } from '../functions/console/asset-manifest';
import { buildConsoleAssets } from '../functions/console/build-assets';
import { VENDOR_FILES } from '../functions/console/vendor-files';
import { auth } from './auth';
import { DELIVERY_PERMISSIONS, FUNCTION_DEFAULTS, deliveryEnvironment, functionEnvironment } from './defaults';
import { chinaEdge } from './china';
import { chinaSecrets } from './delivery';
import { readProfile } from './profile';
import { allLinks } from './queues';
import { routerWaf } from './waf';

const profile = readProfile();
/** Function URLs exist only outside China; there API Gateway invokes the functions (infra/china.ts). */
const url = profile.kind === 'global';

/**
 * The JSON API (Hono) under /v1. It links the sign-in server to find its JWKS (people's tokens)
 * and sends invitations, so it has the delivery settings and permissions too.
 */
export const api = new sst.aws.Function('Api', {
  ...FUNCTION_DEFAULTS,
  handler: 'functions/api/handler.handler',
  url,
  timeout: '30 seconds',
  link: [...allLinks, ...(url ? [auth] : []), ...chinaSecrets],
  // China: no Auth component to link; the API fetches the issuer's JWKS through the public domain.
  environment: { ...deliveryEnvironment(), ...(profile.china ? { AUTH_ISSUER_URL: `https://${profile.china.domain}` } : {}) },
  permissions: DELIVERY_PERMISSIONS,
  // The 名录 and 公示 PDFs embed it (functions/api/pdf-font.ts): a GB2312 subset, 2.4 MB.
  copyFiles: [{ from: 'assets/fonts/NotoSansSC-GB2312.ttf', to: 'fonts/NotoSansSC-GB2312.ttf' }],
});

/** Where the deploy builds the console's browser code before copying it into the function. */
export const CONSOLE_ASSETS_BUILD_DIR = '.build/console-assets-deploy';
await buildConsoleAssets({ outdir: CONSOLE_ASSETS_BUILD_DIR, clean: true });

/**
 * The web console, the API reference and their browser assets: a separate function so the API's
 * bundle carries no pages and stays small for cold starts.
 */
export const consoleFn = new sst.aws.Function('Console', {
  ...FUNCTION_DEFAULTS,
  handler: 'functions/console/handler.handler',
  url,
  timeout: '30 seconds',
  link: allLinks,
  // functions/console/vendor.ts serves these from `vendor/<pkg>/<file>` once node_modules is bundled away.
  copyFiles: [
    ...VENDOR_FILES.map(({ pkg, file }) => ({ from: `node_modules/${pkg}/${file}`, to: `vendor/${pkg}/${file}` })),
    // The hashed page scripts (functions/console/asset-manifest.ts finds them there): static files
    // beside the console's bundle, never inside the API's.
    { from: CONSOLE_ASSETS_BUILD_DIR, to: BUNDLED_ASSET_DIR },
  ],
  environment: functionEnvironment(),
});

/**
 * One origin for all three, so pages call the API and the sign-in server with relative URLs and
 * no CORS, and the issuer's cookies are first-party. AWS WAF in front of all three (infra/waf.ts).
 */
export const router = profile.kind === 'global' ? globalRouter() : chinaEdge(profile, { api, console: consoleFn, auth });

function globalRouter() {
  const r = new sst.aws.Router('Web', routerWaf);
  r.route('/v1', api.url);
  r.route('/auth', auth.url);
  r.route('/', consoleFn.url);
  return r;
}
