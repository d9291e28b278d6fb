import { DeliveryError } from './messenger';
import { tc3Authorization } from './tc3';

/**
 * Tencent Cloud SMS (短信), API 3.0 `SendSms` version 2021-01-11 over its signed HTTP API: the
 * message is a registered template (模板 ID) with variables, sent under an approved signature
 * (签名), as mainland carriers require. No SDK: one signed POST (packages/notify/tc3.ts).
 */
export interface TencentSmsOptions {
  endpoint: string;
  region: string;
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templates: { signin: string; invitation?: string };
  timeoutMs: number;
  now?: () => Date;
  fetch?: typeof fetch;
}

export const SMS_API_VERSION = '2021-01-11';

interface SendSmsResponse {
  Response?: {
    Error?: { Code: string; Message: string };
    SendStatusSet?: { PhoneNumber: string; Code: string; Message: string }[];
    RequestId?: string;
  };
}

export function tencentSmsSender(o: TencentSmsOptions) {
  const url = new URL(o.endpoint);
  const doFetch = o.fetch ?? fetch;
  return async (phone: string, sms: { template: 'signin' | 'invitation'; params: string[] }): Promise<void> => {
    const templateId = o.templates[sms.template];
    if (!templateId) throw new DeliveryError('sms', `no SMS template is configured for ${sms.template} (SMS_TEMPLATE_${sms.template.toUpperCase()})`);
    const payload = JSON.stringify({ PhoneNumberSet: [phone], SmsSdkAppId: o.sdkAppId, SignName: o.signName, TemplateId: templateId, TemplateParamSet: sms.params });
    const timestamp = Math.floor((o.now?.() ?? new Date()).getTime() / 1000);
    const action = 'SendSms';
    let res: Response;
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: {
          Authorization: tc3Authorization({ secretId: o.secretId, secretKey: o.secretKey, service: 'sms', host: url.host, action, timestamp, payload }),
          'Content-Type': 'application/json; charset=utf-8',
          'X-TC-Action': action,
          'X-TC-Timestamp': String(timestamp),
          'X-TC-Version': SMS_API_VERSION,
          'X-TC-Region': o.region,
        },
        body: payload,
        signal: AbortSignal.timeout(o.timeoutMs),
      });
    } catch (err) {
      throw new DeliveryError('sms', (err as Error).name === 'TimeoutError' ? `no answer within ${o.timeoutMs} ms` : String((err as Error).message ?? err));
    }
    const body = (await res.json().catch(() => ({}))) as SendSmsResponse;
    const error = body.Response?.Error;
    if (!res.ok || error) throw new DeliveryError('sms', error ? `${error.Code}: ${error.Message}` : `HTTP ${res.status}`);
    const status = body.Response?.SendStatusSet?.[0];
    // The request can succeed while the one number is refused (e.g. a template or frequency rule).
    if (status?.Code !== 'Ok') throw new DeliveryError('sms', status ? `${status.Code}: ${status.Message}` : 'no send status in the answer');
  };
}
