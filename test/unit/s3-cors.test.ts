import { describe, expect, it } from 'vitest';
import { EVIDENCE_CORS } from '#files/cors';
import { corsHeaders, preflight } from '#local/s3-cors';

// The local S3 answers a browser's CORS preflight by the evidence bucket's rule, as S3 does.
const origin = 'http://127.0.0.1:8787';

describe('local S3 CORS', () => {
  it('allows the presigned PUT and GET a console page makes, with the signed content type', () => {
    for (const method of ['PUT', 'GET']) {
      const res = preflight('OPTIONS', { origin, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' });
      expect(res).toMatchObject({ status: 200, headers: { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type' } });
      expect(String(res!.headers['access-control-allow-methods'])).toContain(method);
      expect(res!.headers['access-control-max-age']).toBe(String(EVIDENCE_CORS.maxAgeSec));
    }
  });

  it('refuses other methods and headers the rule does not list', () => {
    expect(preflight('OPTIONS', { origin, 'access-control-request-method': 'DELETE' })?.status).toBe(403);
    expect(preflight('OPTIONS', { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type, x-amz-acl' })?.status).toBe(403);
  });

  it('leaves everything else to the signature check', () => {
    expect(preflight('OPTIONS', { 'access-control-request-method': 'PUT' })).toBeNull();
    expect(preflight('PUT', { origin, 'access-control-request-method': 'PUT' })).toBeNull();
    expect(corsHeaders({})).toEqual({});
    expect(corsHeaders({ origin })).toMatchObject({ 'access-control-allow-origin': '*' });
  });
});
