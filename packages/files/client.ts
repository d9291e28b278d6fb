import { S3Client } from '@aws-sdk/client-s3';
import type { AwsClientOptions } from '../db/client';

// The local S3 (packages/local/s3.ts) checks signatures against this key pair; on AWS the Lambda's
// role signs instead.
const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_S3_KEYS: Record<string, string> = { [localCredentials.accessKeyId]: localCredentials.secretAccessKey };

export function makeS3Client(opts: AwsClientOptions): S3Client {
  return new S3Client({
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint, credentials: localCredentials, forcePathStyle: true } : {}),
    // Presigned PUTs must not carry a checksum the browser cannot compute; SHA-256 is checked by us.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 4,
  });
}
