import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { verifySigV4 } from '#local/s3-signature';

// The local S3's signature check against URLs signed by the real AWS SDK presigner.
const KEYS = { AKID: 'secret-key' };
const s3 = new S3Client({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4568', forcePathStyle: true, credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret-key' } });

async function presignedPut(expiresIn = 60) {
  const url = new URL(
    await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'incoming/app/ev 1', ContentType: 'application/pdf', ContentLength: 4 }), {
      expiresIn,
      signableHeaders: new Set(['content-type', 'content-length']),
    }),
  );
  return { path: url.pathname + url.search, host: url.host };
}

describe('SigV4 verification of presigned URLs', () => {
  it('accepts the request the URL was signed for', async () => {
    const { path, host } = await presignedPut();
    expect(verifySigV4({ method: 'PUT', url: path, headers: { host, 'content-type': 'application/pdf', 'content-length': '4' } }, KEYS)).toEqual({ ok: true });
  });

  it('refuses another content type, another length, another key or method', async () => {
    const { path, host } = await presignedPut();
    const ok = { host, 'content-type': 'application/pdf', 'content-length': '4' };
    expect(verifySigV4({ method: 'PUT', url: path, headers: { ...ok, 'content-type': 'text/html' } }, KEYS)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
    expect(verifySigV4({ method: 'PUT', url: path, headers: { ...ok, 'content-length': '5' } }, KEYS)).toMatchObject({ ok: false });
    expect(verifySigV4({ method: 'PUT', url: path.replace('incoming/app', 'incoming/other'), headers: ok }, KEYS)).toMatchObject({ ok: false });
    expect(verifySigV4({ method: 'DELETE', url: path, headers: ok }, KEYS)).toMatchObject({ ok: false });
  });

  it('refuses an expired URL and an unknown key; unsigned requests are anonymous and denied', async () => {
    const { path, host } = await presignedPut(60);
    const headers = { host, 'content-type': 'application/pdf', 'content-length': '4' };
    expect(verifySigV4({ method: 'PUT', url: path, headers }, KEYS, Date.now() + 61_000)).toMatchObject({ ok: false, message: /expired/ });
    expect(verifySigV4({ method: 'PUT', url: path, headers }, { OTHER: 'x' })).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
    expect(verifySigV4({ method: 'GET', url: '/b/incoming/app/ev', headers: { host } }, KEYS)).toMatchObject({ ok: false, code: 'AccessDenied' });
  });

  it('accepts a presigned GET with response overrides (non-ASCII file name)', async () => {
    const url = new URL(
      await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: 'evidence/r/a/e', ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent('审计报告.pdf')}` }), { expiresIn: 60 }),
    );
    expect(verifySigV4({ method: 'GET', url: url.pathname + url.search, headers: { host: url.host } }, KEYS)).toEqual({ ok: true });
  });
});
