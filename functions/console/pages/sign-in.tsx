import { Layout, Script, T } from './layout';

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
    <Layout title={{ zh: '工业互联网平台培优服务', en: 'Industrial internet platform cultivation' }} path="/">
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
      <Script code="GF.page(function () {});" />
    </Layout>
  );
}

const SIGN_IN_JS = String.raw`
GF.page(function () {
  var h = GF.h;
  var next = new URLSearchParams(location.search).get('next');
  // Only same-site paths: a crafted ?next= must not send the token holder elsewhere.
  var safeNext = next && /^\/(?!\/)/.test(next) ? next : null;
  var status = document.getElementById('current');
  function showCurrent() {
    var c = GF.claims();
    GF.clear(status);
    if (!c) { status.appendChild(GF.msg('info', '尚未登录。 Not signed in.', 'signed-out')); return; }
    status.appendChild(GF.msg('ok', '已登录：' + GF.ROLE[c.role][0] + (c.org ? ' · ' + c.org : '') + ' / Signed in as ' + GF.ROLE[c.role][1] + (c.org ? ' · ' + c.org : ''), 'signed-in'));
  }
  function done() {
    var c = GF.claims();
    showCurrent();
    location.href = safeNext || GF.HOME[c.role] || '/';
  }
  showCurrent();

  var tokenForm = document.getElementById('token-form');
  var tokenMsg = document.getElementById('token-msg');
  tokenForm.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var t = tokenForm.elements.token.value.trim();
    var prev = GF.token();
    GF.setToken(t);
    if (!GF.claims()) {
      if (prev) GF.setToken(prev); else GF.signOut();
      GF.say(tokenMsg, GF.msg('err', '令牌格式无效或已过期 / The token is malformed or expired', 'error'));
      return;
    }
    done();
  });

  var devForm = document.getElementById('dev-form');
  if (devForm) {
    var role = devForm.elements.role, org = devForm.elements.org;
    var syncOrg = function () {
      org.disabled = role.value === 'bureau';
      org.placeholder = role.value === 'platform' ? 'plt_demo' : role.value === 'manufacturer' ? 'ent_demo' : '—';
    };
    role.addEventListener('change', syncOrg);
    syncOrg();
    var devMsg = document.getElementById('dev-msg');
    devForm.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      var body = { role: role.value };
      if (role.value !== 'bureau') body.org = org.value.trim() || org.placeholder;
      if (devForm.elements.sub.value.trim()) body.sub = devForm.elements.sub.value.trim();
      try {
        var res = await GF.api('POST', '/dev/token', body);
        GF.setToken(res.token);
        done();
      } catch (err) { GF.say(devMsg, GF.errorMsg(err)); }
    });
  }

  document.getElementById('sign-out-btn').addEventListener('click', function () { GF.signOut(); showCurrent(); location.reload(); });
});
`;

export function SignInPage(p: { dev: boolean }) {
  return (
    <Layout title={{ zh: '登录', en: 'Sign in' }} path="/sign-in">
      <div id="current"></div>
      <div class="grid">
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
                  <option value="manufacturer">制造企业 Manufacturer</option>
                  <option value="platform">平台 Platform</option>
                  <option value="bureau">市工信局 Bureau</option>
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
      <Script code={SIGN_IN_JS} />
    </Layout>
  );
}
