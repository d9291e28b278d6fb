import { Layout, T } from './layout';
import { LeadStatusFilter } from './platform';

/** A district office's page (第四条): its share of the city, then the round's first-review queue. */
export function DistrictPage() {
  return (
    <Layout script="district" title={{ zh: '区（市）初审与概况', en: 'District: first review and figures' }} path="/d/applications">
      <div class="kpis" id="district-kpis" data-testid="district-kpis"></div>
      <section class="card">
        <h2>
          <T zh="初审队列" en="First-review queue" />
        </h2>
        <p class="small muted" id="district-round"></p>
        <div id="district-queue" data-testid="district-queue"></div>
        <div id="district-msg" aria-live="polite"></div>
      </section>
    </Layout>
  );
}

/** The city's 区市对比: the ten districts side by side, exportable. */
export function DistrictComparisonPage() {
  return (
    <Layout script="district-comparison" title={{ zh: '区市对比', en: 'Districts side by side' }} path="/b/districts">
      <section class="card">
        <div class="actions" style="margin-bottom:10px">
          <button type="button" class="secondary" id="districts-xlsx" data-testid="districts-xlsx">
            <T zh="导出 Excel" en="Export .xlsx" />
          </button>
        </div>
        <div class="table-wrap" tabindex={0}>
          <table data-testid="districts-table">
            <caption class="small muted">平台按等级、场景、对接线索与本年度初审进度 / Platforms by level, scenarios, leads and this year’s first review</caption>
            <thead>
              <tr>
                <th scope="col"><T zh="区市" en="District" /></th>
                <th scope="col" class="num"><T zh="平台" en="Platforms" /></th>
                <th scope="col" class="num"><T zh="一/二/三级" en="L1/L2/L3" /></th>
                <th scope="col" class="num"><T zh="场景" en="Scenarios" /></th>
                <th scope="col" class="num"><T zh="线索" en="Leads" /></th>
                <th scope="col" class="num"><T zh="签约" en="Signed" /></th>
                <th scope="col" class="num"><T zh="合同（万元）" en="Contract" /></th>
                <th scope="col" class="num"><T zh="待初审/已推荐/退回" en="Review" /></th>
                <th scope="col" class="num"><T zh="初审用时中位/最久待审（天）" en="Median / oldest wait (days)" /></th>
              </tr>
            </thead>
            <tbody id="districts-body"></tbody>
          </table>
        </div>
        <div id="districts-msg" aria-live="polite"></div>
      </section>
    </Layout>
  );
}

/** The district's leads: its enterprises' scenarios and its platforms, as they move (read only). */
export function DistrictLeadsPage() {
  return (
    <Layout script="district-leads" title={{ zh: '本区线索', en: 'Leads in the district' }} path="/d/leads">
      <section class="card">
        <p class="small muted">
          <T zh="本区企业的场景和本区平台收到的对接线索；进展由企业和平台推进。" en="Leads on this district's scenarios and to its platforms; the enterprises and platforms move them." />
        </p>
        <div class="actions" style="margin-bottom:10px">
          <LeadStatusFilter id="dl-filter" />
        </div>
        <div id="dl-msg" aria-live="polite"></div>
        <div id="dl-list" data-testid="dl-list"></div>
        <button type="button" class="ghost" id="dl-more" data-testid="dl-more" hidden>
          更多 <span class="en">More</span>
        </button>
      </section>
    </Layout>
  );
}
