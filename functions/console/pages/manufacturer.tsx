import { Data, Layout, T } from './layout';


/** A manufacturer's scenarios; at /d/scenarios a district's (its region's, and 代为填报 for enterprises without an account). */
export function ScenariosPage(p: { path?: string } = {}) {
  return (
    <Layout script="scenarios" title={{ zh: '工业赋能场景', en: 'Enabling scenarios' }} path={p.path ?? '/m/scenarios'}>
      <div class="grid2">
        <form class="card" id="scenario-form" data-testid="scenario-form">
          <h2>
            <T zh="发布新场景" en="Post a new scenario" />
          </h2>
          <div class="field">
            <label for="sc-title">
              <T zh="场景名称" en="Title" />
            </label>
            <input id="sc-title" name="title" type="text" required maxlength={200} data-testid="scenario-title" placeholder="如：注塑车间设备经常突发停机" />
          </div>
          <div class="field">
            <label for="sc-desc">
              <T zh="需求描述（用自己的话）" en="Describe the need in your own words" />
            </label>
            <textarea id="sc-desc" name="description" required minlength={10} maxlength={4000} data-testid="scenario-description"></textarea>
          </div>
          <div class="row">
            <div class="field">
              <label for="sc-ent">
                <T zh="企业名称" en="Enterprise" />
              </label>
              <input id="sc-ent" name="enterpriseName" type="text" required maxlength={200} data-testid="scenario-enterprise-name" />
            </div>
            <div class="field">
              <label for="sc-code">
                <T zh="统一社会信用代码" en="Credit code" />
              </label>
              <input id="sc-code" name="creditCode" type="text" required minlength={18} maxlength={18} data-testid="scenario-credit-code" class="mono" />
            </div>
          </div>
          <div class="row">
            <div class="field">
              <label for="sc-industry">
                <T zh="所属行业" en="Industry" />
              </label>
              <select id="sc-industry" name="industry" required data-testid="scenario-industry"></select>
            </div>
            <div class="field">
              <label for="sc-region">
                <T zh="所在区市" en="District" />
              </label>
              <select id="sc-region" name="region" required data-testid="scenario-region"></select>
            </div>
          </div>
          <div class="field">
            <span class="lbl">
              <T zh="业务领域（可不选：系统会根据描述判断）" en="Domains (optional: read from your description)" />
            </span>
            <div class="checks" id="domains" data-testid="scenario-domains"></div>
          </div>
          <div class="field">
            <span class="lbl">
              <T zh="期望技术" en="Technologies" />
            </span>
            <div class="checks" id="technologies" data-testid="scenario-technologies"></div>
          </div>
          <div class="row">
            <div class="field">
              <label for="sc-budget">
                <T zh="预算（万元，可选）" en="Budget (10k CNY, optional)" />
              </label>
              <input id="sc-budget" name="budgetWan" type="number" min={0} step="any" data-testid="scenario-budget" />
            </div>
            <div class="field">
              <label for="sc-deadline">
                <T zh="期望完成日期（可选）" en="Deadline (optional)" />
              </label>
              <input id="sc-deadline" name="deadline" type="date" data-testid="scenario-deadline" />
            </div>
          </div>
          <button type="submit" data-testid="scenario-submit">
            保存草稿 <span class="en">Save draft</span>
          </button>
          <div id="form-msg" aria-live="polite"></div>
        </form>
        <section class="card">
          <h2>
            <T zh="我的场景" en="My scenarios" />
          </h2>
          <div id="list-msg"></div>
          <div id="scenario-list" data-testid="scenario-list"></div>
        </section>
      </div>
    </Layout>
  );
}


export function ScenarioDetailPage(p: { id: string }) {
  return (
    <Layout script="scenario-detail" title={{ zh: '场景匹配结果', en: 'Scenario matches' }} path="/m/scenarios">
      <Data id="scenario-id" value={p.id} />
      <p>
        <a href="/m/scenarios" data-testid="back-to-scenarios">
          ← 我的场景 <span class="en">My scenarios</span>
        </a>
      </p>
      <section class="card" id="scenario" data-testid="scenario-detail"></section>
      <section class="card">
        <h2>
          <T zh="匹配平台及理由" en="Matching platforms and why" />
        </h2>
        <div id="match-note"></div>
        <div id="match-list" data-testid="match-list"></div>
      </section>
      <section class="card">
        <h2>
          <T zh="揭榜方案（与匹配同一评分）" en="Proposals (scored like the matches)" />
        </h2>
        <div id="proposal-msg" aria-live="polite"></div>
        <div id="proposal-list" data-testid="proposal-list"></div>
      </section>
      <section class="card">
        <h2>
          <T zh="对接进展" en="Lead progress" />
        </h2>
        <p class="small muted">
          平台报告签约、交付后请在此确认并评价。<span class="en">Confirm and rate once a platform reports signing or delivery.</span>
        </p>
        <div id="progress-msg"></div>
        <div id="progress-list" data-testid="progress-list"></div>
      </section>
    </Layout>
  );
}
