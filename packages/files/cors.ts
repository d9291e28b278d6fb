/**
 * Cross-origin rule of the evidence bucket: the console's pages (on the API's origin) PUT uploads and
 * GET downloads straight to S3 with presigned URLs. infra/storage.ts gives the bucket this rule and
 * the local S3 (packages/local/s3-cors.ts) answers by it, so a browser upload works the same way.
 */
export const EVIDENCE_CORS = {
  allowMethods: ['GET', 'PUT'],
  allowHeaders: ['content-type', 'content-length'],
  allowOrigins: ['*'],
  maxAgeSec: 3600,
} as const;
