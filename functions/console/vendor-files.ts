/**
 * Browser assets the API serves itself (no CDN: the bureau's network and local mode have no
 * internet). Pure data, no Node APIs: infra/api.ts imports it at deploy time to copy each file into
 * the Lambda bundle under `vendor/<pkg>/<file>`, and functions/console/vendor.ts serves them.
 */
export interface VendorAsset {
  pkg: string;
  /** Path inside the package directory. */
  file: string;
  type: string;
}

/** URL key (`/vendor/<key>`) → asset. */
export const VENDOR_ASSETS: Record<string, VendorAsset> = {
  'swagger-ui-dist/swagger-ui.css': { pkg: 'swagger-ui-dist', file: 'swagger-ui.css', type: 'text/css' },
  'swagger-ui-dist/swagger-ui-bundle.js': { pkg: 'swagger-ui-dist', file: 'swagger-ui-bundle.js', type: 'text/javascript' },
  'swagger-ui-dist/swagger-ui-standalone-preset.js': { pkg: 'swagger-ui-dist', file: 'swagger-ui-standalone-preset.js', type: 'text/javascript' },
};

export const VENDOR_FILES = Object.values(VENDOR_ASSETS).map((a) => ({ pkg: a.pkg, file: a.file }));
