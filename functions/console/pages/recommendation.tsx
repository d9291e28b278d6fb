import { CATEGORIES } from '#core/taxonomy';
import { Layout, T } from './layout';

// 第七条、第十一条: the bureau's page after the review — quotas, 答辩 sessions, the final list.

const LEVELS = [
  { code: 'provincial', zh: '省级推荐', en: 'Provincial' },
  { code: 'national', zh: '国家级推荐', en: 'National' },
] as const;

export function RecommendationPage() {
  return (
    <Layout script="recommendation" title={{ zh: '推荐名额与答辩', en: 'Recommendation: quotas and 答辩' }} path="/b/recommendation">
      <section class="card">
        <div class="field">
          <label for="rec-round">
            <T zh="轮次" en="Round" />
          </label>
          <select id="rec-round" data-testid="rec-round"></select>
        </div>
      </section>
      <form class="card" id="quota-form" data-testid="quota-form">
        <h2>
          <T zh="推荐名额" en="Quotas" />
        </h2>
        {LEVELS.map((l) => (
          <fieldset>
            <legend>
              <T zh={l.zh} en={l.en} />
            </legend>
            <div class="row">
              {CATEGORIES.map((c) => (
                <div class="field">
                  <label for={`q-${l.code}-${c.code}`}>
                    <T zh={c.zh} en={c.en} />
                  </label>
                  <input id={`q-${l.code}-${c.code}`} name={`${l.code}.${c.code}`} type="number" min={0} max={50} value="0" required data-testid={`q-${l.code}-${c.code}`} />
                </div>
              ))}
            </div>
          </fieldset>
        ))}
        <div class="field">
          <label for="q-weight">
            <T zh="评审得分权重（其余为答辩）" en="Weight of the review score (the rest is the defence)" />
          </label>
          <input id="q-weight" name="reviewWeight" type="number" min={0} max={1} step="0.05" value="0.6" required data-testid="q-weight" />
        </div>
        <button type="submit" data-testid="quota-save">
          保存名额 <span class="en">Save quotas</span>
        </button>
        <div id="quota-msg" aria-live="polite"></div>
      </form>
      <form class="card" id="defence-form" data-testid="defence-form">
        <h2>
          <T zh="安排答辩" en="Schedule a 答辩 session" />
        </h2>
        <div class="row">
          <div class="field">
            <label for="d-level">
              <T zh="推荐级别" en="Level" />
            </label>
            <select id="d-level" name="level" data-testid="d-level">
              {LEVELS.map((l) => (
                <option value={l.code}>{`${l.zh} ${l.en}`}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="d-starts">
              <T zh="开始时间" en="Starts at" />
            </label>
            <input id="d-starts" name="startsAt" type="datetime-local" required data-testid="d-starts" />
          </div>
          <div class="field">
            <label for="d-slot">
              <T zh="每家时长（分钟）" en="Minutes each" />
            </label>
            <input id="d-slot" name="slotMinutes" type="number" min={10} max={60} value="20" required data-testid="d-slot" />
          </div>
        </div>
        <div class="field">
          <label for="d-venue">
            <T zh="地点" en="Venue" />
          </label>
          <input id="d-venue" name="venue" type="text" required maxlength={300} data-testid="d-venue" />
        </div>
        <fieldset>
          <legend>
            <T zh="答辩平台（按评审得分；名额内已勾选，顺序即答辩顺序）" en="Presenters (by review score; those within quota ticked; order as listed)" />
          </legend>
          <div id="d-presenters" class="checks" data-testid="d-presenters"></div>
        </fieldset>
        <fieldset>
          <legend>
            <T zh="评委（至少 3 名，回避利益冲突）" en="Panel (three or more, without conflicts)" />
          </legend>
          <div id="d-panel" class="checks" data-testid="d-panel"></div>
        </fieldset>
        <button type="submit" data-testid="d-submit">
          安排答辩 <span class="en">Schedule</span>
        </button>
        <div id="defence-msg" aria-live="polite"></div>
      </form>
      <section class="card">
        <h2>
          <T zh="答辩安排" en="Sessions" />
        </h2>
        <div id="defence-list" data-testid="defence-list"></div>
      </section>
      <section class="card">
        <h2>
          <T zh="推荐名单" en="Final list" />
        </h2>
        <div class="actions">
          <select id="final-level" aria-label="推荐级别 Level" data-testid="final-level" style="max-width:220px">
            {LEVELS.map((l) => (
              <option value={l.code}>{`${l.zh} ${l.en}`}</option>
            ))}
          </select>
          <button type="button" id="final-fix" data-testid="final-fix">
            确定名单 <span class="en">Fix the list</span>
          </button>
          <button type="button" class="secondary" id="final-xlsx" data-testid="final-xlsx">
            导出推荐函附件 <span class="en">Export .xlsx</span>
          </button>
          <button type="button" class="secondary" id="final-pdf" data-testid="final-pdf">
            导出 PDF <span class="en">Export .pdf</span>
          </button>
        </div>
        <p class="small muted" id="final-rule" data-testid="final-rule"></p>
        <div class="table-wrap" tabindex={0}>
          <table data-testid="final-table">
            <caption class="small muted">按类别与综合得分 / By category and combined score</caption>
            <thead>
              <tr>
                <th scope="col"><T zh="类型" en="Category" /></th>
                <th scope="col" class="num"><T zh="名次" en="Rank" /></th>
                <th scope="col"><T zh="平台" en="Platform" /></th>
                <th scope="col" class="num"><T zh="评审" en="Review" /></th>
                <th scope="col" class="num"><T zh="答辩" en="Defence" /></th>
                <th scope="col" class="num"><T zh="综合" en="Combined" /></th>
                <th scope="col"><T zh="入选" en="Selected" /></th>
              </tr>
            </thead>
            <tbody id="final-body"></tbody>
          </table>
        </div>
        <div id="final-msg" aria-live="polite"></div>
      </section>
    </Layout>
  );
}

/** 动态评价: the bureau runs the check and decides (/b/tracking); a platform explains (/p/tracking). */
export function TrackingPage(p: { path: string }) {
  return (
    <Layout script="tracking" title={{ zh: '动态评价', en: 'Yearly tracking' }} path={p.path}>
      <section class="card">
        <div class="actions">
          <div class="field">
            <label for="trk-year">
              <T zh="报送年度" en="Reporting year" />
            </label>
            <input id="trk-year" type="number" min={2000} max={2100} data-testid="trk-year" />
          </div>
          <button type="button" id="trk-run" data-testid="trk-run" hidden>
            检查上年度名录平台 <span class="en">Check last year’s 名录</span>
          </button>
          <button type="button" class="secondary" id="trk-publish" data-testid="trk-publish" hidden>
            发布动态调整 <span class="en">Publish adjustments</span>
          </button>
        </div>
        <div id="trk-msg" aria-live="polite"></div>
      </section>
      <section class="card">
        <h2>
          <T zh="跟踪事项" en="Cases" />
        </h2>
        <div id="trk-cases" data-testid="trk-cases"></div>
      </section>
    </Layout>
  );
}
