import { EVIDENCE_KINDS } from '#core/evidence-kinds';
import { Layout, Option, T } from './layout';

// A platform's side of the yearly round (企业填报、自主入库): apply, upload evidence, submit, 补正.

export function PlatformRoundPage() {
  return (
    <Layout script="round" title={{ zh: '年度培优申报', en: 'Apply to the yearly round' }} path="/p/round">
      <section class="card" id="round-info" data-testid="round-info"></section>
      <section class="card" id="platform-pick" data-testid="platform-pick" hidden></section>
      <section class="card" id="application-card" data-testid="application-card" hidden>
        <div id="application"></div>
        <div class="actions">
          <button type="button" id="apply" data-testid="apply" hidden>
            申报本轮 <span class="en">Apply</span>
          </button>
          <button type="button" id="submit-application" data-testid="submit-application" hidden>
            提交申报 <span class="en">Submit</span>
          </button>
        </div>
        <div id="application-msg"></div>
      </section>
      <section class="card" id="evidence-card" data-testid="evidence-card" hidden>
        <h2>
          <T zh="申报材料" en="Evidence" />
        </h2>
        <div id="evidence-list" data-testid="evidence-list"></div>
        <form id="evidence-form" data-testid="evidence-form">
          <div class="row">
            <div class="field">
              <label for="ev-kind">
                <T zh="材料类型" en="Kind" />
              </label>
              <select id="ev-kind" name="kind" data-testid="ev-kind">
                {Object.entries(EVIDENCE_KINDS).map(([code, k]) => (
                  <Option value={code} label={k} />
                ))}
              </select>
            </div>
            <div class="field">
              <label for="ev-file">
                <T zh="文件（不超过 20 MB）" en="File (20 MB at most)" />
              </label>
              <input id="ev-file" name="file" type="file" required data-testid="ev-file" />
            </div>
          </div>
          <button type="submit" data-testid="ev-upload">
            上传 <span class="en">Upload</span>
          </button>
          <div id="evidence-msg"></div>
        </form>
      </section>
    </Layout>
  );
}
