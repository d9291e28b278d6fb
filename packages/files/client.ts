import { S3Client } from '@aws-sdk/client-s3';
import type { Meter } from '#metering/meter';
import { meterS3 } from '#metering/s3';
import { s3ClientConfig } from './bucket';

/** A plain S3 client for the local runtime (provisioning the bucket); Lambdas use bucket.ts. */
export function makeS3Client(opts: { endpoint?: string; region: string; meter?: Meter }): S3Client {
  const client = new S3Client(s3ClientConfig(opts));
  if (opts.meter) meterS3(client, opts.meter);
  return client;
}
