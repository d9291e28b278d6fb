import { LEVEL_LABELS, LEVELS, ROADSHOW_KIND_LABELS } from '#core/labels';
import { REGIONS } from '#core/taxonomy';
import { SELECTION_LABELS } from '#core/schemas/selection';
import { Data, Input, Layout, Option, T } from './layout';


// ---- overview -----------------------------------------------------------------------------------


export function OverviewPage() {
  return (
    <Layout script="overview" title={{ zh: '监测总览', en: 'Monitoring overview' }} path="/b/overview">
      <p class="small muted">
        数据时间 <span class="en">As of</span> <span id="generated"></span>
      </p>
      <div class="kpis" id="kpis" data-testid="kpis"></div>
      <section class="card" data-testid="overview-selections">
        <h2>
          <T zh="推荐与入选（省级、国家级）" en="Recommended and selected upstream" />
        </h2>
        <div id="selections"></div>
      </section>
      <div class="grid">
        <section class="card">
          <h2>
            <T zh="平台类型 × 等级" en="Platforms by category and level" />
          </h2>
          <div class="chart" id="chart-levels" data-testid="chart-levels"></div>
        </section>
        <section class="card">
          <h2>
            <T zh="对接线索状态" en="Leads by status" />
          </h2>
          <div class="chart" id="chart-leads" data-testid="chart-leads"></div>
        </section>
      </div>
      <section class="card" data-testid="overview-funnel">
        <h2>
          <T zh="供需对接成效" en="Matchmaking funnel" />
        </h2>
        <div id="funnel"></div>
      </section>
      <section class="card">
        <h2>
          <T zh="核心要素年度趋势" en="Core elements by reported year" />
        </h2>
        <div class="chart" id="chart-trend" data-testid="chart-trend"></div>
      </section>
      <div class="grid">
        <section class="card">
          <h2>
            <T zh="场景状态" en="Scenarios by status" />
          </h2>
          <div id="scenario-status"></div>
        </section>
        <section class="card" data-testid="bottlenecks">
          <h2>
            <T zh="升级瓶颈指标" en="Indicators holding platforms back" />
          </h2>
          <div id="bottlenecks"></div>
        </section>
      </div>
    </Layout>
  );
}

// ---- platform register --------------------------------------------------------------------------


/** The bureau's register of every platform; at /d/platforms a district's of its own (the API scopes it). */
export function BureauDirectoryPage(p: { path?: string } = {}) {
  return (
    <Layout script="register" title={{ zh: '平台监测台账', en: 'Platform register' }} path={p.path ?? '/b/directory'}>
      <section class="card">
        <div class="actions" style="margin-bottom:10px">
          <select id="f-category" aria-label="类型 Category" data-testid="filter-category" style="max-width:220px"></select>
          <select id="f-level" aria-label="等级 Level" data-testid="filter-level" style="max-width:180px">
            <option value="">全部等级 All levels</option>
            {LEVELS.map((l) => (
              <Option value={l} label={LEVEL_LABELS[l]} />
            ))}
          </select>
          <span class="muted small" id="register-count"></span>
        </div>
        <div class="table-wrap" tabindex={0}>
          <table data-testid="register-table">
            <thead>
              <tr>
                <th><T zh="平台" en="Platform" /></th>
                <th><T zh="类型" en="Category" /></th>
                <th><T zh="等级" en="Level" /></th>
                <th class="hide-sm"><T zh="区市" en="District" /></th>
                <th class="num"><T zh="申报年度" en="Year" /></th>
                <th class="num hide-sm"><T zh="设备" en="Devices" /></th>
                <th class="num hide-sm"><T zh="APP" en="Apps" /></th>
                <th class="num hide-sm"><T zh="服务企业" en="Served" /></th>
                <th class="num"><T zh="承接/线索" en="Accepted/leads" /></th>
              </tr>
            </thead>
            <tbody id="register-body"></tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}

// ---- portrait -----------------------------------------------------------------------------------


export function PortraitPage(p: { id: string; path?: string }) {
  return (
    <Layout script="portrait" title={{ zh: '平台数字画像', en: 'Platform portrait' }} path={p.path ?? '/b/directory'}>
      <Data id="platform-id" value={p.id} />
      <p>
        <a href="/b/directory" data-testid="back-to-register">
          ← 平台台账 <span class="en">Platform register</span>
        </a>
      </p>
      <section class="card" id="platform-head"></section>
      <div class="grid" id="radar-card">
        <section class="card">
          <h2>
            <T zh="发展指数" en="Development index" /> · <span id="index" data-testid="development-index"></span>
          </h2>
          <p class="small muted" id="index-note"></p>
          <div class="chart" id="chart-radar" data-testid="chart-radar"></div>
        </section>
        <section class="card">
          <h2>
            <T zh="数据核实提示" en="Data-quality warnings" />
          </h2>
          <div id="warnings"></div>
          <div id="method"></div>
        </section>
      </div>
      <section class="card" id="portrait" data-testid="portrait"></section>
      <form class="card" id="selection-form" data-testid="selection-form">
        <h2>
          <T zh="省级、国家级遴选结果" en="Upstream decisions" />
        </h2>
        <ul id="selections" data-testid="selections"></ul>
        <div class="row">
          <Input name="year" type="number" zh="年度" en="Year" required testid="sel-year" />
          <div class="field">
            <label for="sel-body">
              <T zh="遴选层级" en="Deciding body" />
            </label>
            <select id="sel-body" name="body" data-testid="sel-body">
              <option value="province">省工信厅 Province</option>
              <option value="nation">工业和信息化部 MIIT</option>
            </select>
          </div>
          <div class="field">
            <label for="sel-result">
              <T zh="结果" en="Result" />
            </label>
            <select id="sel-result" name="result" data-testid="sel-result">
              {Object.entries(SELECTION_LABELS).map(([code, l]) => (
                <option value={code}>{`${l.zh} ${l.en}`}</option>
              ))}
            </select>
          </div>
        </div>
        <div class="row">
          <Input name="documentNo" zh="文号" en="Document number" required max={100} testid="sel-document" />
          <Input name="decidedOn" type="date" zh="发文日期" en="Decided on" required testid="sel-decided" />
        </div>
        <button type="submit" data-testid="sel-submit">
          <T zh="登记" en="Record" />
        </button>
        <div id="selection-note" aria-live="polite"></div>
      </form>
    </Layout>
  );
}

// ---- roadshows ----------------------------------------------------------------------------------


export function RoadshowsPage(p: { path?: string } = {}) {
  return (
    <Layout script="roadshows" title={{ zh: '场景路演', en: 'Matchmaking roadshows' }} path={p.path ?? '/b/roadshows'}>
      <div class="grid2">
        <form class="card" id="roadshow-form" data-testid="roadshow-form">
          <h2>
            <T zh="发起路演" en="New roadshow" />
          </h2>
          <div class="field">
            <label for="rs-title">
              <T zh="路演名称" en="Title" />
            </label>
            <input id="rs-title" name="title" type="text" required maxlength={200} data-testid="rs-title" />
          </div>
          <div class="row">
            <div class="field">
              <label for="rs-date">
                <T zh="日期" en="Date" />
              </label>
              <input id="rs-date" name="date" type="date" required data-testid="rs-date" />
            </div>
            <div class="field">
              <label for="rs-max-scenarios">
                <T zh="最多场景数" en="Max scenarios" />
              </label>
              <input id="rs-max-scenarios" name="maxScenarios" type="number" min={1} max={200} value="10" required data-testid="rs-max-scenarios" />
            </div>
          </div>
          <div class="row">
            <div class="field">
              <label for="rs-pps">
                <T zh="每场景平台数" en="Platforms per scenario" />
              </label>
              <input id="rs-pps" name="platformsPerScenario" type="number" min={1} max={20} value="3" required data-testid="rs-platforms-per-scenario" />
            </div>
            <div class="field">
              <label for="rs-slots">
                <T zh="每平台最多场次" en="Max slots per platform" />
              </label>
              <input id="rs-slots" name="maxSlotsPerPlatform" type="number" min={1} max={50} value="3" required data-testid="rs-max-slots" />
            </div>
          </div>
          <details class="field" data-testid="rs-event-fields">
            <summary>
              <T zh="活动信息（填写开始时间即为正式活动：分会场、时段、邀请与报名）" en="Event details (with a start time: rooms, slots, invitations, registration)" />
            </summary>
            <div class="row">
              <div class="field">
                <label for="rs-kind">
                  <T zh="活动类型" en="Kind" />
                </label>
                <select id="rs-kind" name="kind" data-testid="rs-kind">
                  {(Object.keys(ROADSHOW_KIND_LABELS) as (keyof typeof ROADSHOW_KIND_LABELS)[]).map((k) => (
                    <Option value={k} label={ROADSHOW_KIND_LABELS[k]} />
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="rs-region">
                  <T zh="所在区市" en="District" />
                </label>
                <select id="rs-region" name="region" data-testid="rs-region">
                  {REGIONS.map((r) => (
                    <Option value={r.code} label={r} />
                  ))}
                </select>
              </div>
            </div>
            <div class="field">
              <label for="rs-address">
                <T zh="地址" en="Address" />
              </label>
              <input id="rs-address" name="address" type="text" maxlength={300} data-testid="rs-address" />
            </div>
            <div class="field">
              <label for="rs-park">
                <T zh="产业园区（可选）" en="Industrial park (optional)" />
              </label>
              <input id="rs-park" name="park" type="text" maxlength={100} data-testid="rs-park" />
            </div>
            <div class="row">
              <div class="field">
                <label for="rs-starts">
                  <T zh="开始" en="Starts" />
                </label>
                <input id="rs-starts" name="startsAt" type="datetime-local" data-testid="rs-starts" />
              </div>
              <div class="field">
                <label for="rs-ends">
                  <T zh="结束" en="Ends" />
                </label>
                <input id="rs-ends" name="endsAt" type="datetime-local" data-testid="rs-ends" />
              </div>
            </div>
            <div class="row">
              <div class="field">
                <label for="rs-rsvp">
                  <T zh="回复截止" en="Reply by" />
                </label>
                <input id="rs-rsvp" name="rsvpBy" type="datetime-local" data-testid="rs-rsvp" />
              </div>
              <div class="field">
                <label for="rs-capacity">
                  <T zh="观众席位" en="Audience seats" />
                </label>
                <input id="rs-capacity" name="capacity" type="number" min={1} max={5000} value="100" data-testid="rs-capacity" />
              </div>
            </div>
            <div class="row">
              <div class="field">
                <label for="rs-rooms">
                  <T zh="分会场" en="Rooms" />
                </label>
                <input id="rs-rooms" name="rooms" type="number" min={1} max={4} value="2" data-testid="rs-rooms" />
              </div>
              <div class="field">
                <label for="rs-slot-minutes">
                  <T zh="每场分钟" en="Slot minutes" />
                </label>
                <input id="rs-slot-minutes" name="slotMinutes" type="number" min={5} max={240} value="30" data-testid="rs-slot-minutes" />
              </div>
            </div>
          </details>
          <div class="field">
            <span class="lbl">
              <T zh="限定行业（可选）" en="Industries (optional)" />
            </span>
            <div class="checks scroll" id="rs-industries" data-testid="rs-industries"></div>
          </div>
          <div class="field">
            <span class="lbl">
              <T zh="限定领域（可选）" en="Domains (optional)" />
            </span>
            <div class="checks" id="rs-domains" data-testid="rs-domains"></div>
          </div>
          <button type="submit" data-testid="rs-submit">
            发起并编排 <span class="en">Create and compose</span>
          </button>
          <div id="roadshow-msg"></div>
        </form>
        <section class="card">
          <h2>
            <T zh="路演与议程" en="Roadshows and agendas" />
          </h2>
          <div id="roadshow-calendar" data-testid="roadshow-calendar"></div>
          <div id="roadshow-list" data-testid="roadshow-list"></div>
        </section>
      </div>
    </Layout>
  );
}

