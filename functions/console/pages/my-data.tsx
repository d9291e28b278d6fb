import { Layout, T } from './layout';
import { PrivacyNotice } from './privacy-notice';

/**
 * 我的数据 (个人信息保护法 第四十四–四十七条): a signed-in person sees everything held about them,
 * exports it and deletes it; someone without an account (an objector) asks by contact and confirms
 * with a code sent there.
 */
export function MyDataPage() {
  return (
    <Layout script="my-data" title={{ zh: '我的数据', en: 'My data' }} path="/my-data">
      <section class="card" id="md-account" data-testid="md-account" hidden>
        <h2>
          <T zh="本账号持有的个人信息" en="What is held about you" />
        </h2>
        <p class="muted small" id="md-subject" data-testid="md-subject"></p>
        <div class="actions">
          <button type="button" id="md-export" data-testid="md-export">
            导出 JSON <span class="en">Export (JSON)</span>
          </button>
        </div>
        <div id="md-sections" data-testid="md-sections"></div>
        <h3>
          <T zh="删除我的数据" en="Delete my data" />
        </h3>
        <p class="muted small">
          删除账号、成员关系、发给您的邀请和验证码记录，匿名化您提出异议时留下的联系方式；法律要求保留的（如安全审计记录）会说明原因。删除后需重新登录。
          <span class="en">Deletes your account, memberships, invitations to you and sign-in codes, and erases the contact details of objections you filed; what the law keeps (e.g. security audit records) is listed with the reason. You are signed out.</span>
        </p>
        <label class="small">
          <input type="checkbox" id="md-confirm" data-testid="md-confirm" /> 我明白删除不可撤销 <span class="en">I understand this cannot be undone</span>
        </label>
        <div class="actions">
          <button type="button" class="danger" id="md-delete" data-testid="md-delete">
            删除 <span class="en">Delete</span>
          </button>
        </div>
        <div id="md-msg"></div>
      </section>

      <form class="card" id="md-request-form" data-testid="md-request-form">
        <h2>
          <T zh="没有账号？按联系方式申请" en="No account? Ask by contact" />
        </h2>
        <p class="muted small">
          例如提出过异议的个人：填写当时留下的手机号，我们会发送验证码确认是您本人。
          <span class="en">E.g. if you filed an objection: enter the mobile number you gave; we send a code to confirm it is you.</span>
        </p>
        <div class="field">
          <label for="md-contact">
            <T zh="邮箱或手机号" en="E-mail or mobile number" />
          </label>
          <input id="md-contact" name="contact" type="text" required maxlength={254} data-testid="md-contact" />
        </div>
        <PrivacyNotice form="data-request" field />
        <div class="actions">
          <button type="submit" data-testid="md-request-submit">
            发送验证码 <span class="en">Send code</span>
          </button>
        </div>
        <div id="md-request-msg"></div>
      </form>

      <form class="card" id="md-confirm-form" data-testid="md-confirm-form" hidden>
        <div class="row">
          <div class="field">
            <label for="md-code">
              <T zh="验证码" en="Code" />
            </label>
            <input id="md-code" name="code" type="text" inputmode="numeric" pattern="[0-9]{6}" required data-testid="md-code" />
          </div>
          <div class="field">
            <label for="md-action">
              <T zh="要做什么" en="Action" />
            </label>
            <select id="md-action" name="action" data-testid="md-action">
              <option value="export">查看并导出 See and export</option>
              <option value="delete">删除 Delete</option>
            </select>
          </div>
        </div>
        <div class="actions">
          <button type="submit" data-testid="md-confirm-submit">
            确认 <span class="en">Confirm</span>
          </button>
        </div>
        <div id="md-result" data-testid="md-result"></div>
      </form>
    </Layout>
  );
}
