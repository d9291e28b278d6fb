import { S3Client } from '@aws-sdk/client-s3';
import { s3ClientConfig } from './bucket';

/** A plain S3 client for the local runtime (provisioning the bucket); Lambdas use bucket.ts. */
export const makeS3Client = (opts: { endpoint?: string; region: string }) => new S3Client(s3ClientConfig(opts));
