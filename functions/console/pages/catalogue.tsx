import { Layout, T } from './layout';

/** 场景清单 (第八条): the published scenarios, public; a signed-in platform steps forward (揭榜) here. */
export function CataloguePage() {
  return (
    <Layout script="catalogue" title={{ zh: '工业赋能场景清单', en: 'Published scenarios' }} path="/scenarios">
      <p class="muted small">
        市工信局定期发布的企业数字化转型需求。平台登录后可直接揭榜。
        <span class="en">Needs published by the bureau; a signed-in platform can step forward with a proposal.</span>
      </p>
      <section class="card">
        <form class="actions" id="catalogue-filters" data-testid="catalogue-filters" style="margin-bottom:10px">
          <select id="c-industry" name="industry" aria-label="行业 Industry" data-testid="catalogue-industry" style="max-width:220px"></select>
          <select id="c-domain" name="domain" aria-label="领域 Domain" data-testid="catalogue-domain" style="max-width:220px"></select>
          <select id="c-region" name="region" aria-label="区市 District" data-testid="catalogue-region" style="max-width:200px"></select>
          <input id="c-q" name="q" type="search" maxlength={200} aria-label="关键词 Words" placeholder="关键词 Words" data-testid="catalogue-q" style="max-width:220px" />
          <button type="submit" data-testid="catalogue-apply">
            <T zh="筛选" en="Filter" />
          </button>
        </form>
        <div id="catalogue-list" data-testid="catalogue-list"></div>
        <div id="catalogue-msg" aria-live="polite"></div>
      </section>
    </Layout>
  );
}
