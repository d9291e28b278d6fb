import { describe, expect, it } from 'vitest';
import { signBody, verifySignature, webhookSecret, webhookTargetProblem } from '#core/webhook';

describe('webhook targets', () => {
  it('allows public https endpoints in the cloud', () => {
    expect(webhookTargetProblem('https://crm.example.com/leads', false)).toBeNull();
    expect(webhookTargetProblem('https://203.0.113.7/hook', false)).toBeNull();
  });

  it('refuses plain http, internal names and private, loopback or link-local addresses', () => {
    for (const url of [
      'http://crm.example.com/leads',
      'https://localhost/x',
      'https://127.0.0.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.5/x',
      'https://172.20.1.1/x',
      'https://192.168.1.1/x',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://metadata.internal/x',
      'not a url',
    ]) {
      expect(webhookTargetProblem(url, false), url).not.toBeNull();
    }
  });

  it('lets development and tests call this machine', () => {
    expect(webhookTargetProblem('http://127.0.0.1:9999/hook', true)).toBeNull();
    expect(webhookTargetProblem('ftp://127.0.0.1/hook', true)).not.toBeNull();
  });
});

describe('webhook signatures', () => {
  it('verify only the exact body with the platform’s own secret', () => {
    const secret = webhookSecret('service-secret', 'plt_a');
    const body = '{"lead":{"id":"x"}}';
    const sig = signBody(secret, body);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, sig)).toBe(true);
    expect(verifySignature(secret, `${body} `, sig)).toBe(false);
    expect(verifySignature(webhookSecret('service-secret', 'plt_b'), body, sig)).toBe(false);
    expect(verifySignature(secret, body, undefined)).toBe(false);
  });
});
