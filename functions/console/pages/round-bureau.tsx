import { PrivacyNotice } from './privacy-notice';
import { Input, Layout, T } from './layout';

// The bureau's side of the yearly round (培优入库, 第九–十一条): announce, follow the applications,
// 补正, close, 公示 and objections, publish the 名录, expert panels and the recommendation list.

export function BureauRoundsPage() {
  return (
    <Layout script="rounds" title={{ zh: '年度培优入库', en: 'Yearly cultivation round' }} path="/b/rounds">
      <form class="card" id="round-form" data-testid="round-form">
        <h2>
          <T zh="发布年度申报（第九条）" en="Announce the year’s round" />
        </h2>
        <div class="row">
          <div class="field">
            <label for="rf-year">
              <T zh="指标年度" en="Reported year" />
            </label>
            <input id="rf-year" name="year" type="number" min={2000} max={2100} required data-testid="rf-year" />
          </div>
          <div class="field">
            <label for="rf-notice-days">
              <T zh="公示期（天）" en="Notice period (days)" />
            </label>
            <input id="rf-notice-days" name="noticeDays" type="number" min={1} max={60} value="7" required data-testid="rf-notice-days" />
          </div>
        </div>
        <div class="row">
          <Input name="opensAt" zh="申报开始" en="Opens" type="datetime-local" required testid="rf-opens" />
          <Input name="closesAt" zh="申报截止" en="Closes" type="datetime-local" required testid="rf-closes" />
        </div>
        <button type="submit" data-testid="rf-submit">
          发布 <span class="en">Announce</span>
        </button>
        <div id="round-form-msg"></div>
      </form>

      <section class="card" id="round-card" data-testid="round-card">
        <div class="actions" style="margin-bottom:10px">
          <select id="round-select" data-testid="round-select" style="max-width:340px"></select>
          <span id="round-head" data-testid="round-head"></span>
        </div>
        <div class="actions">
          <button type="button" class="ghost" id="round-close" data-testid="round-close">
            截止申报 <span class="en">Close the window</span>
          </button>
          <span class="actions" id="notice-controls">
            <label class="small" for="notice-ends">
              <T zh="公示截止（可选）" en="Notice ends (optional)" />
            </label>
            <input id="notice-ends" type="datetime-local" data-testid="notice-ends" style="max-width:220px" />
            <button type="button" class="ghost" id="round-notice" data-testid="round-notice">
              开始公示 <span class="en">Start the notice</span>
            </button>
          </span>
          <button type="button" id="round-publish" data-testid="round-publish">
            发布名录 <span class="en">Publish the directory</span>
          </button>
        </div>
        <div id="round-msg"></div>
      </section>

      <section class="card">
        <h2>
          <T zh="申报情况" en="Applications" />
        </h2>
        <div class="table-wrap" tabindex={0}>
          <table data-testid="application-table">
            <thead>
              <tr>
                <th><T zh="平台" en="Platform" /></th>
                <th><T zh="状态" en="Status" /></th>
                <th><T zh="等级" en="Level" /></th>
                <th><T zh="资格" en="Eligibility" /></th>
                <th><T zh="补正意见" en="Returned with" /></th>
                <th><T zh="退回补正" en="Return for correction" /></th>
              </tr>
            </thead>
            <tbody id="application-body"></tbody>
          </table>
        </div>
        <div id="application-msg"></div>
      </section>

      <section class="card">
        <h2>
          <T zh="公示异议" en="Objections" />
        </h2>
        <div id="objection-list" data-testid="objection-list"></div>
      </section>

      <section class="card" id="directory-card" data-testid="directory-card" hidden>
        <h2>
          <T zh="年度名录" en="The year’s directory" />
        </h2>
        <div id="directory-year"></div>
      </section>

      <div class="grid2">
        <form class="card" id="expert-form" data-testid="expert-form">
          <h2>
            <T zh="登记评审专家" en="Register an expert" />
          </h2>
          <div class="row">
            <Input name="name" zh="姓名" en="Name" required max={50} testid="ex-name" />
            <Input name="affiliation" zh="工作单位" en="Affiliation" required max={200} testid="ex-affiliation" />
          </div>
          <div class="row">
            <Input name="affiliationCreditCode" zh="单位统一社会信用代码" en="Affiliation credit code" required min={18} max={18} testid="ex-credit-code" />
            <Input name="contact" zh="登录邮箱或手机号（可选）" en="Sign-in e-mail or mobile (optional)" max={200} testid="ex-contact" />
          </div>
          <Input name="fields" zh="专业领域（逗号分隔）" en="Fields (comma-separated)" required max={500} testid="ex-fields" />
          <PrivacyNotice form="expert" field />
          <button type="submit" data-testid="ex-submit">
            登记 <span class="en">Register</span>
          </button>
          <div id="expert-msg"></div>
        </form>
        <section class="card" id="assign-card">
          <h2>
            <T zh="分配评审专家（二级及以上）" en="Assign experts (level 2 and above)" />
          </h2>
          <div class="field">
            <span class="lbl">
              <T zh="申报" en="Applications" />
            </span>
            <div class="checks" id="assign-apps" data-testid="assign-apps"></div>
          </div>
          <div class="field">
            <span class="lbl">
              <T zh="专家" en="Experts" />
            </span>
            <div class="checks" id="assign-experts" data-testid="assign-experts"></div>
          </div>
          <button type="button" id="assign-submit" data-testid="assign-submit">
            分配 <span class="en">Assign</span>
          </button>
          <div id="assign-msg"></div>
        </section>
      </div>

      <section class="card">
        <div class="head actions" style="justify-content:space-between">
          <h2>
            <T zh="推荐名单（第十一条）" en="Recommendation list" />
          </h2>
          <div class="actions">
            <button type="button" class="ghost" id="rec-refresh" data-testid="rec-refresh">
              刷新 <span class="en">Refresh</span>
            </button>
            <button type="button" class="ghost" id="rec-xlsx" data-testid="rec-xlsx">
              下载 Excel <span class="en">Download .xlsx</span>
            </button>
          </div>
        </div>
        <div id="recommendations" data-testid="recommendations"></div>
      </section>
    </Layout>
  );
}
