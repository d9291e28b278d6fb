import { REGIONS } from '#core/taxonomy';
import { Layout, T } from './layout';

// 第十七条 奖补: programmes as data, who is eligible and why, nomination, approval and payment.

export function SupportPage() {
  return (
    <Layout script="support" title={{ zh: '奖补', en: 'Support programmes' }} path="/b/support">
      <form class="card" id="programme-form" data-testid="programme-form">
        <h2>
          <T zh="新建奖补项目" en="New programme" />
        </h2>
        <div class="row">
          <div class="field">
            <label for="sp-name"><T zh="名称" en="Name" /></label>
            <input id="sp-name" name="name" type="text" required maxlength={200} data-testid="sp-name" />
          </div>
          <div class="field">
            <label for="sp-year"><T zh="年度" en="Year" /></label>
            <input id="sp-year" name="year" type="number" min={2018} max={2100} required data-testid="sp-year" />
          </div>
          <div class="field">
            <label for="sp-grantor"><T zh="出资方" en="Granting body" /></label>
            <select id="sp-grantor" name="grantor" data-testid="sp-grantor">
              <option value="city">市级 City</option>
              {REGIONS.map((r) => (
                <option value={r.code}>{`${r.zh} ${r.en}`}</option>
              ))}
            </select>
          </div>
        </div>
        <div class="row">
          <div class="field">
            <label for="sp-budget"><T zh="预算（万元）" en="Budget (10k yuan)" /></label>
            <input id="sp-budget" name="budgetWan" type="number" min={0.01} step="0.01" required data-testid="sp-budget" />
          </div>
          <div class="field">
            <label for="sp-amount"><T zh="每家金额（万元）" en="Amount each" /></label>
            <input id="sp-amount" name="amountWan" type="number" min={0.01} step="0.01" required data-testid="sp-amount" />
          </div>
          <div class="field">
            <label for="sp-cap"><T zh="每家上限（万元）" en="Cap each" /></label>
            <input id="sp-cap" name="capWan" type="number" min={0.01} step="0.01" required data-testid="sp-cap" />
          </div>
          <div class="field">
            <label for="sp-level"><T zh="最低等级" en="Minimum level" /></label>
            <select id="sp-level" name="minLevel" data-testid="sp-level">
              <option value="">不限 Any</option>
              <option value="1">一级 Level 1</option>
              <option value="2">二级 Level 2</option>
              <option value="3">三级 Level 3</option>
            </select>
          </div>
        </div>
        <div class="checks">
          <label><input type="checkbox" name="reported" data-testid="sp-reported" /> <span>按期报送指标</span> <span class="en">Reported on time</span></label>
          <label><input type="checkbox" name="listed" data-testid="sp-listed" /> <span>列入本年度名录</span> <span class="en">Listed this year</span></label>
        </div>
        <button type="submit" data-testid="sp-create">
          创建 <span class="en">Create</span>
        </button>
        <div id="sp-msg" aria-live="polite"></div>
      </form>
      <section class="card">
        <div class="field">
          <label for="sp-programme"><T zh="奖补项目" en="Programme" /></label>
          <select id="sp-programme" data-testid="sp-programme"></select>
        </div>
        <p class="small muted" id="sp-figures" data-testid="sp-figures"></p>
        <h2><T zh="符合条件的平台" en="Eligible platforms" /></h2>
        <div id="sp-eligible" data-testid="sp-eligible"></div>
        <h2><T zh="台账" en="Ledger" /></h2>
        <div id="sp-grants" data-testid="sp-grants"></div>
        <button type="button" class="secondary" id="sp-xlsx" data-testid="sp-xlsx">
          导出台账 <span class="en">Export .xlsx</span>
        </button>
        <div id="sp-ledger-msg" aria-live="polite"></div>
      </section>
    </Layout>
  );
}

/** A platform's side of 奖补: the programmes it may apply to, and its own grants through payment. */
export function PlatformSupportPage() {
  return (
    <Layout script="platform-support" title={{ zh: '奖补申请', en: 'Support programmes' }} path="/p/support">
      <section class="card">
        <h2>
          <T zh="奖补项目" en="Programmes" />
        </h2>
        <p class="small muted">
          <T zh="申请时按项目条件核对；不符合的会列出未满足的条件。" en="An application is checked against the programme’s conditions; one that is not met is named." />
        </p>
        <div id="ps-msg" aria-live="polite"></div>
        <div id="ps-programmes" data-testid="ps-programmes"></div>
      </section>
      <section class="card">
        <h2>
          <T zh="我的奖补" en="My grants" />
        </h2>
        <div id="ps-grants" data-testid="ps-grants"></div>
      </section>
    </Layout>
  );
}
