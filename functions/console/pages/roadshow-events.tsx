import { raw } from 'hono/html';
import { RSVP_DECLINE_LABELS } from '#core/labels';
import { Layout, Option, T } from './layout';
import { PrivacyNotice } from './privacy-notice';

// Roadshows as events (issue 20): the bureau's event page (agenda with reply status, publish,
// re-compose, check-in, close, report), 我的路演 for invitees, the public event page with the
// registration form, and the A4 会议手册. Shells only: the page scripts fetch from the API.

/** Phone-first: tables scroll sideways, buttons are thumb-sized. */
const EVENT_CSS = `
.rs-slot.mine{background:#fff6d6}
.rs-status{display:inline-block;padding:1px 6px;border-radius:8px;font-size:.8em;background:#eef2f6;margin:1px 2px}
.rs-status.accepted{background:#dff3e4;color:#1a7f37}.rs-status.declined{background:#fde2e2;color:#c62828}.rs-status.cancelled{background:#eee;color:#777}
.rs-code{font:700 1.6em/1.2 ui-monospace,monospace;letter-spacing:.12em}
.rs-figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px}
.rs-figures div{background:#f5f8fb;border:1px solid var(--line);border-radius:6px;padding:6px 8px}
.rs-figures .v{font-size:1.3em;font-weight:700}
#rs-checkin-code{font:1.2em ui-monospace,monospace;text-transform:uppercase}
`;

const PRINT_CSS = `
@page{size:A4;margin:14mm 12mm}
@media print{header.top,nav.main,.no-print{display:none!important}body{background:#fff;font-size:11pt}main{max-width:none;padding:0}.card{border:0;box-shadow:none;padding:0}
table{page-break-inside:auto}tr{page-break-inside:avoid}thead{display:table-header-group}}
.handbook table{width:100%;border-collapse:collapse}.handbook th,.handbook td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left}
.handbook .break td{background:#f3f3f3;font-style:italic}
`;

export function RoadshowEventPage(p: { path?: string } = {}) {
  return (
    <Layout script="roadshow-event" title={{ zh: '路演活动', en: 'Roadshow event' }} path={p.path ?? '/b/roadshows'}>
      <style>{raw(EVENT_CSS)}</style>
      <p>
        <a href={p.path ?? "/b/roadshows"} data-testid="back-to-roadshows">
          ← 场景路演 <span class="en">Roadshows</span>
        </a>
      </p>
      <section class="card" id="rs-head" data-testid="rs-head"></section>
      <section class="card">
        <h2>
          <T zh="议程与回复" en="Agenda and replies" />
        </h2>
        <div class="actions" id="rs-actions" data-testid="rs-actions"></div>
        <div id="rs-msg" aria-live="polite"></div>
        <div id="rs-agenda" data-testid="rs-agenda"></div>
      </section>
      <form class="card" id="rs-checkin-form" data-testid="rs-checkin-form">
        <h2>
          <T zh="签到" en="Check-in" />
        </h2>
        <p class="muted small">
          输入或扫描观众、企业和平台的签到码；重复签到不会重复计数。
          <span class="en">Enter or scan the code of a guest, manufacturer or platform; checking in twice counts once.</span>
        </p>
        <div class="row">
          <div class="field">
            <label for="rs-checkin-code">
              <T zh="签到码" en="Check-in code" />
            </label>
            <input id="rs-checkin-code" name="checkInCode" type="text" inputmode="text" autocomplete="off" required maxlength={32} data-testid="rs-checkin-code" />
          </div>
        </div>
        <button type="submit" data-testid="rs-checkin-submit">
          签到 <span class="en">Check in</span>
        </button>
        <div id="rs-checkin-result" aria-live="polite" data-testid="rs-checkin-result"></div>
      </form>
      <section class="card">
        <h2>
          <T zh="观众报名" en="Audience" />
        </h2>
        <div class="actions">
          <button type="button" id="rs-export" data-testid="rs-export">
            导出签到表 <span class="en">Export (.xlsx)</span>
          </button>
        </div>
        <div id="rs-registrations" data-testid="rs-registrations"></div>
      </section>
      <section class="card">
        <h2>
          <T zh="活动成效" en="What the event produced" />
        </h2>
        <div id="rs-report" data-testid="rs-report"></div>
      </section>
    </Layout>
  );
}

export function MyRoadshowsPage() {
  return (
    <Layout script="my-roadshows" title={{ zh: '我的路演', en: 'My roadshows' }} path="/my/roadshows">
      <style>{raw(EVENT_CSS)}</style>
      <template id="rs-decline-reasons">
        {(Object.keys(RSVP_DECLINE_LABELS) as (keyof typeof RSVP_DECLINE_LABELS)[]).map((k) => (
          <Option value={k} label={RSVP_DECLINE_LABELS[k]} />
        ))}
      </template>
      <div id="my-rs-msg" aria-live="polite"></div>
      <div id="my-rs-list" data-testid="my-rs-list"></div>
    </Layout>
  );
}

export function PublicRoadshowPage() {
  return (
    <Layout script="public-roadshow" title={{ zh: '路演活动报名', en: 'Roadshow: agenda and registration' }} path="/roadshows">
      <style>{raw(EVENT_CSS)}</style>
      <section class="card" id="pub-rs-head" data-testid="pub-rs-head"></section>
      <section class="card">
        <h2>
          <T zh="议程" en="Agenda" />
        </h2>
        <div id="pub-rs-agenda" data-testid="pub-rs-agenda"></div>
        <p class="small">
          <a id="pub-rs-print" data-testid="pub-rs-print" href="#">
            打印会议手册 <span class="en">Print the handbook (A4)</span>
          </a>
        </p>
      </section>
      <form class="card" id="pub-rs-form" data-testid="pub-rs-form">
        <h2>
          <T zh="报名参会" en="Register to attend" />
        </h2>
        <div class="field">
          <label for="pub-rs-name">
            <T zh="姓名" en="Name" />
          </label>
          <input id="pub-rs-name" name="name" type="text" required maxlength={50} data-testid="pub-rs-name" />
        </div>
        <div class="field">
          <label for="pub-rs-enterprise">
            <T zh="单位" en="Enterprise" />
          </label>
          <input id="pub-rs-enterprise" name="enterprise" type="text" required maxlength={100} data-testid="pub-rs-enterprise" />
        </div>
        <div class="field">
          <label for="pub-rs-contact">
            <T zh="手机号或邮箱" en="Mobile or e-mail" />
          </label>
          <input id="pub-rs-contact" name="contact" type="text" required maxlength={254} inputmode="email" data-testid="pub-rs-contact" />
        </div>
        <div class="field">
          <span class="lbl">
            <T zh="感兴趣的场景（可选）" en="Sessions of interest (optional)" />
          </span>
          <div class="checks" id="pub-rs-interests" data-testid="pub-rs-interests"></div>
        </div>
        <PrivacyNotice form="roadshow-registration" field />
        <button type="submit" data-testid="pub-rs-submit">
          报名 <span class="en">Register</span>
        </button>
        <div id="pub-rs-msg" aria-live="polite"></div>
      </form>
    </Layout>
  );
}

export function RoadshowPrintPage() {
  return (
    <Layout script="roadshow-print" title={{ zh: '会议手册', en: 'Event handbook' }} path="/roadshows">
      <style>{raw(EVENT_CSS + PRINT_CSS)}</style>
      <p class="no-print">
        <button type="button" id="print-now" data-testid="print-now">
          打印 <span class="en">Print</span>
        </button>
      </p>
      <section class="card handbook" id="handbook" data-testid="handbook"></section>
    </Layout>
  );
}
