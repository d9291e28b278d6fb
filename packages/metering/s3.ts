import type { S3Client } from '@aws-sdk/client-s3';
import type { Meter } from './meter';

/** S3's dearer request class: PUT, COPY, POST and LIST (and the multipart calls that write). */
const WRITES = new Set([
  'PutObjectCommand',
  'CopyObjectCommand',
  'ListObjectsCommand',
  'ListObjectsV2Command',
  'ListObjectVersionsCommand',
  'ListBucketsCommand',
  'ListMultipartUploadsCommand',
  'ListPartsCommand',
  'CreateMultipartUploadCommand',
  'UploadPartCommand',
  'UploadPartCopyCommand',
  'CompleteMultipartUploadCommand',
  'CreateBucketCommand',
  'PutBucketCorsCommand',
]);
/** S3 charges nothing for DELETE and for cancelling a multipart upload. */
const FREE = new Set(['DeleteObjectCommand', 'DeleteObjectsCommand', 'AbortMultipartUploadCommand']);

const bodyBytes = (input: { ContentLength?: number; Body?: unknown }) => {
  if (typeof input.ContentLength === 'number') return input.ContentLength;
  const b = input.Body;
  if (typeof b === 'string') return Buffer.byteLength(b);
  if (b instanceof Uint8Array) return b.byteLength;
  return 0;
};

/**
 * Counts S3 requests by billing class (PUT/COPY/POST/LIST versus GET/HEAD and the rest) and the
 * bytes the service's own calls move: uploaded bodies, and objects read back inside the region
 * (no transfer charge, counted to show the work). A failed request is billed too, so it counts.
 * Presigned URLs a browser uses never pass through this client; signing one is skipped here and
 * the bucket (files/bucket.ts) counts the request when it issues the URL.
 */
export function meterS3(client: S3Client, meter: Meter): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      if (FREE.has(command)) return next(args);
      const kind = WRITES.has(command) ? 'write' : 'read';
      const input = args.input as { ContentLength?: number; Body?: unknown };
      try {
        const res = await next(args);
        // getSignedUrl runs this stack too but stops before sending: no request yet, and the
        // bucket that asked for the URL counts the one the browser will make (with its size).
        if ((res.output as { presigned?: unknown }).presigned) return res;
        const length = (res.output as { ContentLength?: number }).ContentLength ?? 0;
        if (command === 'PutObjectCommand' || command === 'UploadPartCommand') meter.s3(kind, { bytesIn: bodyBytes(input) });
        else if (command === 'GetObjectCommand') meter.s3(kind, { bytesReadInRegion: length });
        else meter.s3(kind);
        return res;
      } catch (err) {
        meter.s3(kind);
        throw err;
      }
    },
    { step: 'initialize', name: 'meterS3Requests', override: true },
  );
}
