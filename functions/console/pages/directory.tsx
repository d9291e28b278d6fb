import { LEVEL_LABELS, LEVELS } from '#core/labels';
import { Layout, Option, T } from './layout';


export function DirectoryPage() {
  return (
    <Layout script="directory" title={{ zh: '工业互联网平台培优名录', en: 'Platform cultivation directory' }} path="/directory">
      <p class="muted small">
        经成熟度评定达到一级及以上的平台。
        <span class="en">Platforms graded level 1 or above by the maturity assessment.</span>
      </p>
      <section class="card">
        <h2>
          <T zh="按需求找平台" en="Find platforms by need" />
        </h2>
        <form class="actions" id="search-form" data-testid="search-form" role="search">
          <input id="s-q" name="q" type="search" required maxlength={500} aria-label="需求描述 Your need" placeholder="例如：注塑机老是突发停机 e.g. our moulding machines keep stopping" data-testid="search-q" style="flex:1;min-width:200px" />
          <select id="s-industry" name="industry" aria-label="行业 Industry" data-testid="search-industry" style="max-width:220px"></select>
          <button type="submit" data-testid="search-submit">
            <T zh="查找" en="Search" />
          </button>
        </form>
        <div id="search-msg" aria-live="polite"></div>
        <div id="search-results" data-testid="search-results"></div>
      </section>
      <section class="card">
        <div class="actions" style="margin-bottom:10px">
          <select id="d-category" aria-label="类型 Category" data-testid="directory-category" style="max-width:220px"></select>
          <select id="d-level" aria-label="等级 Level" data-testid="directory-level" style="max-width:180px">
            <option value="">全部等级 All levels</option>
            {LEVELS.filter((l) => l > 0).map((l) => (
              <Option value={l} label={LEVEL_LABELS[l]} />
            ))}
          </select>
          <select id="d-region" aria-label="区市 District" data-testid="directory-region" style="max-width:220px"></select>
        </div>
        <div class="table-wrap" tabindex={0}>
          <table data-testid="directory-table">
            <thead>
              <tr>
                <th><T zh="平台" en="Platform" /></th>
                <th><T zh="类型" en="Category" /></th>
                <th><T zh="等级" en="Level" /></th>
                <th><T zh="区市" en="District" /></th>
                <th><T zh="资格" en="Eligibility" /></th>
                <th class="num"><T zh="评定年度" en="Year" /></th>
              </tr>
            </thead>
            <tbody id="directory-body"></tbody>
          </table>
        </div>
        <p>
          <button type="button" class="ghost" id="directory-more" data-testid="directory-more" hidden>
            加载更多 <span class="en">Load more</span>
          </button>
        </p>
      </section>
    </Layout>
  );
}
