import { ROLE_LABELS } from '#core/labels';
import type { Role } from '#core/principal';
import { Layout, Option, T } from './layout';

/** The dev form's roles, the most common first. */
const DEV_ROLES: Role[] = ['manufacturer', 'platform', 'bureau', 'expert', 'district'];

export function HomePage() {
  const tile = (href: string, zh: string, en: string, dzh: string, den: string, testid: string) => (
    <a class="tile" href={href} data-testid={testid}>
      <b>
        <T zh={zh} en={en} />
      </b>
      <span>{dzh}</span>
      <div class="en small">{den}</div>
    </a>
  );
  return (
    <Layout script="home" title={{ zh: '工业互联网平台培优服务', en: 'Industrial internet platform cultivation' }} path="/">
      <p class="muted">
        制造企业发布工业赋能场景，平台申报成熟度指标并承接对接线索，市工信局监测平台发展、组织场景路演。
        <span class="en">
          Manufacturers post enabling scenarios; platforms report maturity indicators and take matched leads; the bureau monitors
          the programme and runs matchmaking roadshows.
        </span>
      </p>
      <div class="tiles">
        {tile('/m/scenarios', '发布场景', 'Post a scenario', '制造企业：发布需求，查看匹配平台及理由', 'Manufacturers: post a need, see which platforms fit and why', 'home-manufacturer')}
        {tile('/p/leads', '线索收件箱', 'Lead inbox', '平台：接受或婉拒对接线索', 'Platforms: accept or decline matched leads', 'home-leads')}
        {tile('/p/profile', '平台信息与方案', 'Profile & solutions', '平台：登记平台与解决方案', 'Platforms: register the platform and its solutions', 'home-profile')}
        {tile('/p/indicators', '成熟度指标申报', 'Maturity indicators', '平台：年度指标申报，查看评定与差距', 'Platforms: yearly report, assessment and gaps', 'home-indicators')}
        {tile('/b/overview', '监测总览', 'Monitoring overview', '市工信局：平台分布、核心要素、对接成效', 'Bureau: platforms, core elements, matchmaking', 'home-overview')}
        {tile('/b/roadshows', '场景路演', 'Roadshows', '市工信局：编排路演议程', 'Bureau: compose roadshow agendas', 'home-roadshows')}
        {tile('/directory', '培优名录', 'Cultivation directory', '公开：已定级平台名录', 'Public: graded platforms', 'home-directory')}
        {tile('/docs', '接口文档', 'API reference', 'OpenAPI 接口说明', 'OpenAPI reference of the HTTP API', 'home-docs')}
      </div>
      <p style="margin-top:18px">
        <a class="btn" href="/sign-in" data-testid="home-sign-in">
          登录 <span class="en">Sign in</span>
        </a>
      </p>
    </Layout>
  );
}


export function SignInPage(p: { dev: boolean }) {
  return (
    <Layout script="sign-in" title={{ zh: '登录', en: 'Sign in' }} path="/sign-in">
      <div id="current"></div>
      <div class="grid">
        <div class="card" data-testid="code-sign-in">
          <h2>
            <T zh="用验证码登录或注册" en="Sign in or sign up with a code" />
          </h2>
          <p class="muted small">
            向您的邮箱或手机发送一次性验证码；首次登录即注册。
            <span class="en">A one-time code goes to your e-mail or phone; the first sign-in creates your account.</span>
          </p>
          <button type="button" id="code-sign-in-btn" data-testid="code-sign-in-button">
            获取验证码登录 <span class="en">Continue with a code</span>
          </button>
        </div>
        {p.dev && (
        <form class="card" id="token-form" data-testid="token-form">
          <h2>
            <T zh="使用访问令牌" en="Use an access token" />
          </h2>
          <p class="muted small">
            粘贴管理员签发的 JWT 令牌；令牌仅保存在本浏览器。
            <span class="en">Paste the JWT you were issued; it is kept in this browser only.</span>
          </p>
          <div class="field">
            <label for="token">
              <T zh="令牌" en="Token" />
            </label>
            <textarea id="token" name="token" required data-testid="token-input" placeholder="eyJhbGciOiJIUzI1NiIs…"></textarea>
          </div>
          <div class="actions">
            <button type="submit" data-testid="token-submit">
              登录 <span class="en">Sign in</span>
            </button>
            <button type="button" class="ghost" id="sign-out-btn" data-testid="sign-out-button">
              退出 <span class="en">Sign out</span>
            </button>
          </div>
          <div id="token-msg"></div>
        </form>
        )}
        {p.dev && (
          <form class="card" id="dev-form" data-testid="dev-token-form">
            <h2>
              <T zh="开发环境：签发测试令牌" en="Development: issue a test token" />
            </h2>
            <p class="muted small">
              仅本地与测试环境提供。<span class="en">Available in the local and test stages only.</span>
            </p>
            <div class="row">
              <div class="field">
                <label for="dev-role">
                  <T zh="角色" en="Role" />
                </label>
                <select id="dev-role" name="role" data-testid="dev-role">
                  {DEV_ROLES.map((r) => (
                    <Option value={r} label={ROLE_LABELS[r]} />
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="dev-org">
                  <T zh="机构编号" en="Organisation id" />
                </label>
                <input id="dev-org" name="org" type="text" data-testid="dev-org" maxlength={200} />
              </div>
            </div>
            <div class="field">
              <label for="dev-sub">
                <T zh="用户（可选）" en="User (optional)" />
              </label>
              <input id="dev-sub" name="sub" type="text" data-testid="dev-sub" maxlength={200} />
            </div>
            <button type="submit" data-testid="dev-submit">
              签发并登录 <span class="en">Issue and sign in</span>
            </button>
            <div id="dev-msg"></div>
          </form>
        )}
      </div>
    </Layout>
  );
}
