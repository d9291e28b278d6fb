import { Layout, T } from './layout';
import { PrivacyNotice } from './privacy-notice';

/** The expert's console (第十一条): assigned applications, their evidence, the scoring form. */
export function ExpertReviewsPage() {
  return (
    <Layout script="reviews" title={{ zh: '专家评审', en: 'Expert review' }} path="/e/reviews">
      <div class="grid2">
        <section class="card">
          <h2>
            <T zh="我的评审任务" en="My assignments" />
          </h2>
          <div id="review-list" data-testid="review-list"></div>
        </section>
        <section class="card" id="review-detail" data-testid="review-detail">
          <p class="muted small">
            选择左侧的评审任务。<span class="en">Pick an assignment on the left.</span>
          </p>
        </section>
      </div>
      <section class="card" id="defence-panel" data-testid="defence-panel">
        <h2>
          <T zh="答辩评分" en="答辩 panel scoring" />
        </h2>
        <div id="defence-sessions"></div>
        <div id="defence-score-msg" aria-live="polite"></div>
      </section>
    </Layout>
  );
}

/** The public notice (公示, 第十条): the list while it runs, and the objection form. */
export function NoticesPage() {
  return (
    <Layout script="notices" title={{ zh: '培优名录公示', en: 'Public notice' }} path="/notices">
      <p class="muted small">
        公示期内，任何单位和个人均可对公示名单提出异议，请如实填写理由和联系方式。
        <span class="en">While the notice runs anyone may object to an entry; give a reason and how to reach you.</span>
      </p>
      <section class="card">
        <div class="actions" style="margin-bottom:10px">
          <select id="n-round" aria-label="年度 Round" data-testid="notice-round" style="max-width:260px"></select>
          <span id="n-ends" class="small muted" data-testid="notice-ends"></span>
        </div>
        <div class="table-wrap" tabindex={0}>
          <table data-testid="notice-table">
            <thead>
              <tr>
                <th><T zh="平台" en="Platform" /></th>
                <th><T zh="运营单位" en="Operator" /></th>
                <th><T zh="类型" en="Category" /></th>
                <th><T zh="等级" en="Level" /></th>
              </tr>
            </thead>
            <tbody id="notice-body"></tbody>
          </table>
        </div>
      </section>
      <form class="card" id="objection-form" data-testid="objection-form" hidden>
        <h2>
          <T zh="提出异议" en="Object to an entry" />
        </h2>
        <div class="field">
          <label for="o-app">
            <T zh="异议对象" en="Entry" />
          </label>
          <select id="o-app" name="applicationId" required data-testid="objection-app"></select>
        </div>
        <div class="field">
          <label for="o-reason">
            <T zh="异议理由（不少于10字）" en="Reason (10 characters or more)" />
          </label>
          <textarea id="o-reason" name="reason" required minlength={10} maxlength={2000} data-testid="objection-reason"></textarea>
        </div>
        <div class="row">
          <div class="field">
            <label for="o-name">
              <T zh="联系人" en="Contact name" />
            </label>
            <input id="o-name" name="contactName" type="text" required maxlength={50} data-testid="objection-name" />
          </div>
          <div class="field">
            <label for="o-phone">
              <T zh="联系电话" en="Phone" />
            </label>
            <input id="o-phone" name="contactPhone" type="tel" required maxlength={20} data-testid="objection-phone" />
          </div>
        </div>
        <PrivacyNotice form="objection" field />
        <div class="actions">
          <button type="submit" data-testid="objection-submit">
            提交异议 <span class="en">Submit</span>
          </button>
        </div>
        <div id="objection-msg"></div>
      </form>
    </Layout>
  );
}
