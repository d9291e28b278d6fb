import { Scope } from '#core/accounts/api-key';
import { Layout, T } from './layout';
import { PrivacyNotice } from './privacy-notice';

/** Where the sign-in server sends the browser back with its authorization code. */
export function SignedInPage() {
  return (
    <Layout script="signed-in" title={{ zh: '正在登录', en: 'Signing in' }} path="/signed-in">
      <div id="signed-in-msg" data-testid="signed-in-msg">
        正在完成登录…<span class="en">Finishing sign-in…</span>
      </div>
    </Layout>
  );
}

/** My organisation: whom I act for (the platform switcher), members, invitations and API keys. */
export function AccountPage() {
  return (
    <Layout script="account" title={{ zh: '我的组织', en: 'My organisation' }} path="/account">
      <div id="account-msg"></div>
      <div class="card">
        <h2>
          <T zh="我的账户" en="My account" />
        </h2>
        <p id="me-contact" data-testid="me-contact" class="muted"></p>
        <div id="invitations" data-testid="invitations"></div>
      </div>
      <div class="card">
        <h2>
          <T zh="代表的组织与平台" en="Act for" />
        </h2>
        <p class="muted small">
          选择以哪个企业、平台运营单位或平台的身份操作。<span class="en">Choose the enterprise, operator or platform you act for.</span>
        </p>
        <div id="acting" data-testid="acting"></div>
      </div>
      <form class="card" id="org-form" data-testid="org-form">
        <h2>
          <T zh="登记新组织" en="Register an organisation" />
        </h2>
        <div class="row">
          <div class="field">
            <label for="org-kind">
              <T zh="类型" en="Kind" />
            </label>
            <select id="org-kind" name="kind" data-testid="org-kind">
              <option value="enterprise">制造企业 Enterprise (manufacturer)</option>
              <option value="operator">平台运营单位 Platform operator</option>
            </select>
          </div>
          <div class="field">
            <label for="org-name">
              <T zh="名称" en="Name" />
            </label>
            <input id="org-name" name="name" type="text" required maxlength={100} data-testid="org-name" />
          </div>
          <div class="field">
            <label for="org-credit">
              <T zh="统一社会信用代码" en="Unified social credit code" />
            </label>
            <input id="org-credit" name="creditCode" type="text" required maxlength={18} data-testid="org-credit-code" />
          </div>
        </div>
        <button type="submit" data-testid="org-submit">
          登记 <span class="en">Register</span>
        </button>
        <div id="org-msg"></div>
      </form>
      <section id="org-admin" hidden data-testid="org-admin">
        <div class="card">
          <h2>
            <T zh="成员" en="Members" />
          </h2>
          <table>
            <tbody id="members-body"></tbody>
          </table>
          <form id="invite-form" data-testid="invite-form">
            <h3>
              <T zh="邀请成员" en="Invite a member" />
            </h3>
            <div class="row">
              <div class="field">
                <label for="invite-contact">
                  <T zh="邮箱或手机号" en="E-mail or mobile" />
                </label>
                <input id="invite-contact" name="contact" type="text" required data-testid="invite-contact" />
              </div>
              <div class="field">
                <label for="invite-role">
                  <T zh="角色" en="Role" />
                </label>
                <select id="invite-role" name="role" data-testid="invite-role">
                  <option value="member">成员 Member</option>
                  <option value="admin">管理员 Admin</option>
                </select>
              </div>
            </div>
            <PrivacyNotice form="invitation" field />
            <button type="submit" data-testid="invite-submit">
              发送邀请 <span class="en">Invite</span>
            </button>
            <div id="invite-msg"></div>
          </form>
          <div id="pending-invitations"></div>
        </div>
        <div class="card">
          <h2>
            <T zh="API 密钥" en="API keys" />
          </h2>
          <table>
            <tbody id="keys-body"></tbody>
          </table>
          <form id="key-form" data-testid="key-form">
            <div class="field">
              <label for="key-name">
                <T zh="用途" en="Name" />
              </label>
              <input id="key-name" name="name" type="text" required maxlength={80} data-testid="key-name" />
            </div>
            <div class="row">
              {Scope.options.map((s) => (
                <label>
                  <input type="checkbox" name="scope" value={s} data-testid={`key-scope-${s}`} /> {s}
                </label>
              ))}
            </div>
            <button type="submit" data-testid="key-submit">
              创建密钥 <span class="en">Create key</span>
            </button>
            <div id="key-msg"></div>
          </form>
        </div>
      </section>
    </Layout>
  );
}
