import type { Child } from 'hono/jsx';
import type { DevMessage } from '#notify/dev-mailbox';
import { PrivacyNotice } from '../console/pages/privacy-notice';

/**
 * The sign-in server's own pages: plain forms, no script, zh-CN with English beside. They post
 * back to the URL they were served from, which is what OpenAuth's code provider expects.
 */
const STYLE = `body{font:15px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f6f9;margin:0}
main{max-width:420px;margin:10vh auto;background:#fff;border-radius:8px;padding:28px 32px;box-shadow:0 2px 12px #0001}
h1{font-size:20px;margin:0 0 4px}.en{color:#667;font-size:.85em;margin-left:.4em}
label{display:block;margin:16px 0 6px}input[type=text],input[type=tel]{width:100%;box-sizing:border-box;padding:9px;font-size:16px;border:1px solid #ccd;border-radius:4px}
button{margin-top:16px;padding:9px 18px;font-size:15px;border:0;border-radius:4px;background:#1f5fbf;color:#fff;cursor:pointer}
button .en{color:#dbe6f7}button.link{background:none;color:#1f5fbf;padding:0}button.link .en{color:#667}.error{color:#b00020;background:#fdecee;padding:8px 10px;border-radius:4px}
.hint{color:#556;font-size:.9em}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:6px;text-align:left;vertical-align:top}`;

const T = (p: { zh: string; en: string }) => (
  <>
    {p.zh}
    <span class="en">{p.en}</span>
  </>
);

function page(title: string, body: Child, status = 200): Response {
  const html = (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <main>{body}</main>
      </body>
    </html>
  );
  return new Response(`<!doctype html>${html}`, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

const ErrorNote = (p: { text?: string }) => (p.text ? <p class="error" role="alert">{p.text}</p> : null);

/** Step 1: who are you (e-mail or mobile). */
export const contactPage = (error?: string, contact = '', status = error ? 400 : 200) =>
  page(
    '登录 / Sign in',
    <>
      <h1>
        <T zh="登录或注册" en="Sign in or sign up" />
      </h1>
      <p class="hint">
        <T zh="我们会向您的邮箱或手机发送一次性验证码。" en="We send a one-time code to your e-mail or phone." />
      </p>
      <ErrorNote text={error} />
      <form method="post">
        <input type="hidden" name="action" value="request" />
        <label for="contact">
          <T zh="邮箱或手机号" en="E-mail or mobile number" />
        </label>
        <input type="text" id="contact" name="contact" value={contact} autocomplete="username" required autofocus />
        <PrivacyNotice form="sign-in" field />
        <button type="submit">
          <T zh="获取验证码" en="Send code" />
        </button>
      </form>
    </>,
    status,
  );

/** Step 2: the code that was sent. */
export const codePage = (contactMasked: string, contact: string, opts: { error?: string; resent?: boolean; locked?: boolean } = {}) =>
  page(
    '输入验证码 / Enter code',
    <>
      <h1>
        <T zh="输入验证码" en="Enter the code" />
      </h1>
      <p class="hint">
        {opts.resent ? <T zh={`新验证码已发送至 ${contactMasked}`} en={`A new code was sent to ${contactMasked}`} /> : <T zh={`验证码已发送至 ${contactMasked}，10 分钟内有效`} en={`Code sent to ${contactMasked}; valid for 10 minutes`} />}
      </p>
      <ErrorNote text={opts.error} />
      {opts.locked ? null : (
        <form method="post">
          <input type="hidden" name="action" value="verify" />
          <label for="code">
            <T zh="6 位验证码" en="6-digit code" />
          </label>
          <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required autofocus />
          <button type="submit">
            <T zh="登录" en="Sign in" />
          </button>
        </form>
      )}
      <form method="post">
        <input type="hidden" name="action" value="resend" />
        <input type="hidden" name="contact" value={contact} />
        <button type="submit" class="link">
          <T zh="重新发送验证码" en="Send a new code" />
        </button>
      </form>
    </>,
    opts.error ? 400 : 200,
  );

/** A correct code that may not sign in (expired, used, locked): start again. */
export const refusedPage = (text: string, restart: string) =>
  page(
    '无法登录 / Cannot sign in',
    <>
      <h1>
        <T zh="无法登录" en="Cannot sign in" />
      </h1>
      <ErrorNote text={text} />
      <p>
        <a href={restart}>
          <T zh="重新开始" en="Start again" />
        </a>
      </p>
    </>,
    400,
  );

/** Acting for another organisation or platform: the token proves who, the form says for whom. */
export const switchPage = () =>
  page(
    '切换组织 / Switch organisation',
    <form method="post">
      <h1>
        <T zh="切换所代表的组织或平台" en="Act for another organisation or platform" />
      </h1>
      <label for="org">
        <T zh="组织或平台编号" en="Organisation or platform id" />
      </label>
      <input type="text" id="org" name="org" required />
      <input type="hidden" name="token" />
      <button type="submit">
        <T zh="切换" en="Switch" />
      </button>
    </form>,
  );

/** Local and test stages only: what would have been e-mailed or texted. */
export const mailboxPage = (messages: DevMessage[]) =>
  page(
    '开发邮箱 / Dev mailbox',
    <>
      <h1>
        <T zh="开发邮箱（仅本地）" en="Dev mailbox (local only)" />
      </h1>
      <table>
        <thead>
          <tr>
            <th>
              <T zh="时间" en="At" />
            </th>
            <th>
              <T zh="收件人" en="To" />
            </th>
            <th>
              <T zh="内容" en="Message" />
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => (
            <tr>
              <td>{m.at}</td>
              <td>{m.to}</td>
              <td>
                <strong>{m.subject}</strong>
                <br />
                {m.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
  );
