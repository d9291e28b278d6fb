/**
 * The China profile's sign-in delivery (CODE_DELIVERY=china): SMS through Tencent Cloud SMS's
 * signed API and e-mail over SMTP, against local fakes that verify what arrives (the SMS fake
 * recomputes the TC3-HMAC-SHA256 signature and refuses a mismatch). A provider that refuses or
 * does not answer: the page says the code could not be sent, and nothing counts as sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryError } from '#notify/messenger';
import { tencentSmsSender } from '#notify/tencent-sms';
import { CODE_SEND_LIMITS } from '#core/accounts/login-code';
import { startFakeTencentSms, type FakeTencentSms } from '../support/fake-tencent-sms';
import { startFakeSmtp, startSilentServer, type FakeSmtp } from '../support/fake-smtp';
import { startTestStack, type TestStack } from '../support/stack';
import { askForCode, exchange, submitCode } from '../support/sign-in';

let sms: FakeTencentSms;
let smtp: FakeSmtp;

beforeAll(async () => {
  sms = await startFakeTencentSms();
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  await sms?.stop();
  await smtp?.stop();
});
beforeEach(() => {
  sms.mode = 'ok';
  smtp.mode = 'ok';
  sms.rejected.length = 0;
});

const senderOptions = () => ({
  endpoint: sms.url,
  region: 'ap-beijing',
  secretId: sms.secretId,
  secretKey: sms.secretKey,
  sdkAppId: '1400009099',
  signName: '工赋青岛',
  templates: { signin: '2000001', invitation: '2000002' },
  timeoutMs: 1000,
});

describe('the Tencent Cloud SMS sender against the signature-checking fake', () => {
  it('sends the template with its variables under the signature, and the fake verifies the signature', async () => {
    await tencentSmsSender(senderOptions())('+8613800138000', { template: 'signin', params: ['123456', '10'] });
    expect(sms.rejected).toEqual([]);
    expect(sms.sent.at(-1)).toEqual({ phone: '+8613800138000', sdkAppId: '1400009099', signName: '工赋青岛', templateId: '2000001', params: ['123456', '10'] });
  });

  it('a request signed with another key is refused by the fake, and the sender reports it', async () => {
    const before = sms.sent.length;
    const err = await tencentSmsSender({ ...senderOptions(), secretKey: 'not-the-key' })('+8613800138000', { template: 'signin', params: ['1', '10'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).reason).toMatch(/^AuthFailure\.SignatureFailure/);
    expect(sms.rejected.at(-1)?.code).toBe('AuthFailure.SignatureFailure');
    expect(sms.sent).toHaveLength(before);
  });

  it('a body changed after signing does not verify (the payload hash is part of the signature)', async () => {
    const tamper: typeof fetch = (url, init) => fetch(url, { ...init, body: String(init!.body).replace('123456', '654321') });
    const err = await tencentSmsSender({ ...senderOptions(), fetch: tamper })('+8613800138000', { template: 'signin', params: ['123456', '10'] }).catch((e: unknown) => e);
    expect((err as DeliveryError).reason).toMatch(/SignatureFailure/);
  });

  it('a clock more than five minutes off is refused as an expired signature', async () => {
    const err = await tencentSmsSender({ ...senderOptions(), now: () => new Date(Date.now() - 10 * 60_000) })('+8613800138000', { template: 'signin', params: ['1', '10'] }).catch((e: unknown) => e);
    expect((err as DeliveryError).reason).toMatch(/^AuthFailure\.SignatureExpire/);
  });

  it('an invitation without a configured template is not sent', async () => {
    const err = await tencentSmsSender({ ...senderOptions(), templates: { signin: '2000001' } })('+8613800138000', { template: 'invitation', params: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).reason).toContain('SMS_TEMPLATE_INVITATION');
  });
});

describe('signing in on the China profile', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      pollers: false,
      env: {
        CODE_DELIVERY: 'china',
        SMS_ENDPOINT: sms.url,
        SMS_SDK_APP_ID: '1400009099',
        SMS_SIGN_NAME: '工赋青岛',
        SMS_TEMPLATE_SIGNIN: '2000001',
        SMS_SECRET_ID: sms.secretId,
        SMS_SECRET_KEY: sms.secretKey,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        SMTP_SECURE: 'false',
        MAIL_FROM: 'noreply@qingdao.example.cn',
        DELIVERY_TIMEOUT_MS: '800',
        RATE_LIMIT_PER_MINUTE: '1000',
      },
    });
  });
  afterAll(() => stack?.stop());

  const codeFromSms = (phone: string) => sms.sent.filter((m) => m.phone === phone).at(-1)?.params[0];
  const codeFromMail = (to: string) => /\b(\d{6})\b/.exec(smtp.received.filter((m) => m.to.includes(to)).at(-1)?.text ?? '')?.[1];

  it('a mobile number gets the sign-in template by SMS and signs in with it', async () => {
    const { browser, res } = await askForCode(stack, '13800138001');
    expect(res.status).toBe(200);
    expect(sms.rejected).toEqual([]);
    const msg = sms.sent.at(-1)!;
    expect(msg).toMatchObject({ phone: '+8613800138001', templateId: '2000001', signName: '工赋青岛', sdkAppId: '1400009099' });
    expect(msg.params).toEqual([expect.stringMatching(/^\d{6}$/), '10']);
    const tokens = await exchange(browser, await submitCode(browser, codeFromSms('+8613800138001')!));
    expect(tokens.access_token).toBeTruthy();
  });

  it('an e-mail address gets the code over SMTP and signs in with it', async () => {
    const { browser, res } = await askForCode(stack, 'chief@qingdao.example.cn');
    expect(res.status).toBe(200);
    const mail = smtp.received.at(-1)!;
    expect(mail.from).toBe('noreply@qingdao.example.cn');
    expect(mail.text).toContain('登录验证码');
    const tokens = await exchange(browser, await submitCode(browser, codeFromMail('chief@qingdao.example.cn')!));
    expect(tokens.access_token).toBeTruthy();
  });

  it.each([
    ['answers an error', 'error'],
    ['refuses the number', 'refused'],
    ['does not answer in time', 'hang'],
  ] as const)('the SMS provider %s: the page says the code could not be sent, and nothing counts as sent', async (_label, mode) => {
    const phone = mode === 'hang' ? '13800138003' : mode === 'error' ? '13800138002' : '13800138004';
    sms.mode = mode;
    const max = CODE_SEND_LIMITS[0]!.max;
    // More failures than the 10-minute limit allows sends: had they counted, the next request would be refused.
    for (let i = 0; i < (mode === 'hang' ? 1 : max); i++) {
      const { res } = await askForCode(stack, phone);
      expect(res.status).toBe(503);
      const page = await res.text();
      expect(page).toContain('验证码未能发送');
      expect(page).toContain('could not be sent');
      expect(page).not.toContain('验证码已发送');
    }
    sms.mode = 'ok';
    const { browser, res } = await askForCode(stack, phone);
    expect(res.status).toBe(200);
    await exchange(browser, await submitCode(browser, codeFromSms(`+86${phone}`)!));
    const audit = (await stack.call('GET', '/v1/audit?limit=200', { token: await stack.token('bureau') })).body.items as { action: string; details?: { reason?: string } }[];
    expect(audit.some((a) => a.action === 'signin.code_not_sent')).toBe(true);
  });

  it('the mail server refuses the recipient: the page says the code could not be sent', async () => {
    smtp.mode = 'refuse';
    const { res } = await askForCode(stack, 'refused@qingdao.example.cn');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('验证码未能发送');
  });
});

describe('a mail server that never answers', () => {
  it('times out into the same page', async () => {
    const silent = await startSilentServer();
    const stack = await startTestStack({
      pollers: false,
      env: {
        CODE_DELIVERY: 'china', SMS_ENDPOINT: sms.url, SMS_SDK_APP_ID: '1', SMS_SIGN_NAME: 's', SMS_TEMPLATE_SIGNIN: '1', SMS_SECRET_ID: sms.secretId, SMS_SECRET_KEY: sms.secretKey,
        SMTP_HOST: '127.0.0.1', SMTP_PORT: String(silent.port), SMTP_SECURE: 'false', MAIL_FROM: 'noreply@qingdao.example.cn', DELIVERY_TIMEOUT_MS: '500',
      },
    });
    try {
      const { res } = await askForCode(stack, 'late@qingdao.example.cn');
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('could not be sent');
    } finally {
      await stack.stop();
      await silent.stop();
    }
  });

  it('CODE_DELIVERY=china without its settings stops at start-up, naming them', async () => {
    await expect(startTestStack({ pollers: false, env: { CODE_DELIVERY: 'china', SMS_SDK_APP_ID: '1' } })).rejects.toThrow(/SMS_SIGN_NAME.*SMTP_HOST/);
  });
});
