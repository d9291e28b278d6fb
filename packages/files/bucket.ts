import { createHash } from 'node:crypto';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { Meter } from '#metering/meter';
import { meterS3 } from '#metering/s3';

/**
 * The evidence bucket as the services use it. The AWS SDK's S3 client and presigner are loaded on
 * first use (and deployed beside the bundle, infra/defaults.ts): most invocations never touch a
 * file, and the API bundle stays under 1 MiB.
 */
export interface EvidenceBucket {
  readonly name: string;
  /** A PUT URL binding the content type and exact length into the signature. */
  presignPut(key: string, o: { contentType: string; size: number; expiresInSec: number }): Promise<string>;
  /** `size` (the object's bytes) is what the download will transfer out, for the meter. */
  presignGet(key: string, o: { fileName: string; size: number; expiresInSec: number }): Promise<string>;
  /** Size and SHA-256 of what is stored, streamed; null when there is no such object. */
  digest(key: string): Promise<{ size: number; sha256: string } | null>;
  exists(key: string): Promise<boolean>;
  copy(from: string, to: string): Promise<void>;
  remove(key: string): Promise<void>;
}

// The local S3 (packages/local/s3.ts) checks signatures against this key pair; on AWS the Lambda's
// role signs instead.
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_S3_KEYS: Record<string, string> = { [LOCAL_CREDENTIALS.accessKeyId]: LOCAL_CREDENTIALS.secretAccessKey };

export function s3ClientConfig(opts: { endpoint?: string; region: string }): S3ClientConfig {
  return {
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint, credentials: LOCAL_CREDENTIALS, forcePathStyle: true } : {}),
    // Presigned PUTs must not carry a checksum a browser cannot compute; SHA-256 is checked by us.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 4,
  };
}

const missing = (err: unknown) => ['NoSuchKey', 'NotFound'].includes((err as { name?: string }).name ?? '');

/**
 * With a `meter`, a client built here is metered (a client passed in was metered by its maker), and
 * every presigned URL counts as the one request a browser will make with it: one PUT of the
 * declared size per upload URL, one GET of the file's size out to the internet per download URL.
 * Those requests go from the browser to S3 and never pass through the SDK client, so this is the
 * only place the service sees them; a URL issued and not used is counted all the same.
 */
export function createEvidenceBucket(opts: { endpoint?: string; region: string; name: string; client?: S3Client; meter?: Meter }): EvidenceBucket {
  type Loaded = { s3: S3Client; sdk: typeof import('@aws-sdk/client-s3'); sign: typeof import('@aws-sdk/s3-request-presigner').getSignedUrl };
  let loaded: Promise<Loaded> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      const [sdk, presigner] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
      let s3 = opts.client;
      if (!s3) {
        s3 = new sdk.S3Client(s3ClientConfig(opts));
        if (opts.meter) meterS3(s3, opts.meter);
      }
      return { sdk, sign: presigner.getSignedUrl, s3 };
    })());
  const Bucket = opts.name;
  return {
    name: Bucket,
    async presignPut(key, o) {
      const { s3, sdk, sign } = await load();
      opts.meter?.s3('write', { bytesIn: o.size });
      return sign(s3, new sdk.PutObjectCommand({ Bucket, Key: key, ContentType: o.contentType, ContentLength: o.size }), {
        expiresIn: o.expiresInSec,
        signableHeaders: new Set(['content-type', 'content-length']),
      });
    },
    async presignGet(key, o) {
      const { s3, sdk, sign } = await load();
      opts.meter?.s3('read', { bytesOut: o.size });
      const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(o.fileName)}`;
      return sign(s3, new sdk.GetObjectCommand({ Bucket, Key: key, ResponseContentDisposition: disposition }), { expiresIn: o.expiresInSec });
    },
    async digest(key) {
      const { s3, sdk } = await load();
      try {
        const res = await s3.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
        const hash = createHash('sha256');
        let size = 0;
        for await (const chunk of res.Body as AsyncIterable<Uint8Array>) {
          hash.update(chunk);
          size += chunk.length;
        }
        return { size, sha256: hash.digest('hex') };
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
    },
    async exists(key) {
      const { s3, sdk } = await load();
      try {
        await s3.send(new sdk.HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (err) {
        if (missing(err)) return false;
        throw err;
      }
    },
    async copy(from, to) {
      const { s3, sdk } = await load();
      await s3.send(new sdk.CopyObjectCommand({ Bucket, Key: to, CopySource: `${Bucket}/${from}` }));
    },
    async remove(key) {
      const { s3, sdk } = await load();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
