import { currentNotice, type NoticeForm } from '#core/privacy/notices';

/**
 * The notice at collection (个人信息保护法 第十七条), shown on every form that collects personal
 * information: what, why, who sees it, how long. Carries its version in `data-notice-version` (and a
 * hidden `noticeVersion` field for plain forms), so the record says which text the person saw.
 * Server-rendered, no script: the sign-in server's pages use it too.
 */
export function PrivacyNotice(p: { form: NoticeForm; field?: boolean }) {
  const n = currentNotice(p.form);
  const rows = [
    ['收集什么', 'What', n.zh.what, n.en.what],
    ['用途', 'Why', n.zh.why, n.en.why],
    ['谁能看到', 'Who sees it', n.zh.who, n.en.who],
    ['保存多久', 'How long', n.zh.howLong, n.en.howLong],
  ] as const;
  return (
    <details class="privacy-notice" data-testid="privacy-notice" data-notice-form={n.form} data-notice-version={n.version} open>
      <summary>
        {n.title.zh} <span class="en">{n.title.en}</span> <span class="muted small">（{n.version}）</span>
      </summary>
      <dl style="margin:6px 0 0;font-size:.9em">
        {rows.map(([zh, en, tzh, ten]) => (
          <>
            <dt style="font-weight:600">
              {zh} <span class="en">{en}</span>
            </dt>
            <dd style="margin:0 0 6px 0">
              {tzh}
              <br />
              <span class="en">{ten}</span>
            </dd>
          </>
        ))}
      </dl>
      {p.field ? <input type="hidden" name="noticeVersion" value={n.version} /> : null}
    </details>
  );
}
