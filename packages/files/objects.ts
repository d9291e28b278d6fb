import { createHash } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface Bucket {
  s3: S3Client;
  name: string;
}

/**
 * A presigned PUT that binds the declared content type and exact length into the signature, so an
 * upload of another size or type is refused by S3 itself.
 */
export async function presignPut(b: Bucket, key: string, o: { contentType: string; size: number; expiresInSec: number }): Promise<string> {
  return getSignedUrl(b.s3, new PutObjectCommand({ Bucket: b.name, Key: key, ContentType: o.contentType, ContentLength: o.size }), {
    expiresIn: o.expiresInSec,
    signableHeaders: new Set(['content-type', 'content-length']),
  });
}

export async function presignGet(b: Bucket, key: string, o: { fileName: string; expiresInSec: number }): Promise<string> {
  return getSignedUrl(
    b.s3,
    new GetObjectCommand({ Bucket: b.name, Key: key, ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(o.fileName)}` }),
    { expiresIn: o.expiresInSec },
  );
}

/** Size and SHA-256 of what is actually stored, streamed (never more than one chunk in memory); null if absent. */
export async function digestObject(b: Bucket, key: string): Promise<{ size: number; sha256: string; contentType?: string } | null> {
  try {
    const res = await b.s3.send(new GetObjectCommand({ Bucket: b.name, Key: key }));
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of res.Body as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { size, sha256: hash.digest('hex'), contentType: res.ContentType };
  } catch (err) {
    if (err instanceof NoSuchKey || err instanceof NotFound || (err as { name?: string }).name === 'NoSuchKey') return null;
    throw err;
  }
}

export async function objectExists(b: Bucket, key: string): Promise<boolean> {
  try {
    await b.s3.send(new HeadObjectCommand({ Bucket: b.name, Key: key }));
    return true;
  } catch (err) {
    if (err instanceof NotFound || (err as { name?: string }).name === 'NotFound') return false;
    throw err;
  }
}

export async function removeObject(b: Bucket, key: string): Promise<void> {
  await b.s3.send(new DeleteObjectCommand({ Bucket: b.name, Key: key }));
}
