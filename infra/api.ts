import { VENDOR_FILES } from '../functions/api/vendor-files';
import { FUNCTION_DEFAULTS, functionEnvironment } from './defaults';
import { allLinks } from './queues';

/** The HTTP API (Hono) behind a Lambda function URL. */
export const api = new sst.aws.Function('Api', {
  ...FUNCTION_DEFAULTS,
  handler: 'functions/api/handler.handler',
  url: true,
  timeout: '30 seconds',
  link: allLinks,
  // routes/vendor.ts serves these from `vendor/<pkg>/<file>` once node_modules is bundled away.
  copyFiles: VENDOR_FILES.map(({ pkg, file }) => ({
    from: `node_modules/${pkg}/${file}`,
    to: `vendor/${pkg}/${file}`,
  })),
  environment: functionEnvironment(),
});
