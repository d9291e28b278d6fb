import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { manifest } from '../asset-manifest';
import { NAV } from '../shared/nav';
import type { Label } from '#core/schemas/common';
import type { PageData } from '../shared/page-data';
import type { PageScript } from '../shared/scripts';

/** A zh-CN label with its English beside it, the convention of every page. */
export const T = (p: { zh: string; en: string }) => (
  <>
    {p.zh}
    <span class="en">{p.en}</span>
  </>
);

/** A select option labelled the console's way: zh, then en. */
export const Option = (p: { value: string | number; label: Label }) => <option value={String(p.value)}>{`${p.label.zh} ${p.label.en}`}</option>;

/** A labelled text input of a form the page script reads by name. */
export const Input = (p: { name: string; zh: string; en: string; type?: string; required?: boolean; testid: string; max?: number; min?: number }) => (
  <div class="field">
    <label for={p.testid}>
      <T zh={p.zh} en={p.en} />
    </label>
    <input id={p.testid} name={p.name} type={p.type ?? 'text'} required={p.required} maxlength={p.max} minlength={p.min} data-testid={p.testid} />
  </div>
);

/** Server data handed to the page script as JSON; `<` is escaped so the text cannot close the tag. */
export function Data<K extends keyof PageData>(p: { id: K; value: PageData[K] }) {
  return (
    <script type="application/json" id={p.id}>
      {raw(JSON.stringify(p.value).replace(/</g, '\\u003c'))}
    </script>
  );
}

const CSS = `
:root{--fg:#1c2733;--muted:#5f6f80;--bg:#f3f6f9;--card:#fff;--line:#dce3ea;--brand:#0f4c8a;--brand-d:#0b3a6a;--ok:#1a7f37;--warn:#a65b00;--bad:#c62828}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--brand)}
.en{color:var(--muted);font-size:.82em;margin-left:.35em;font-weight:400}
header.top{background:var(--brand);color:#fff}
header.top .bar{max-width:1200px;margin:0 auto;padding:10px 16px;display:flex;align-items:center;gap:12px;flex-wrap:wrap}
header.top .brand{color:#fff;text-decoration:none;font-weight:700;font-size:1.05em;white-space:nowrap}
header.top .brand .en{color:#c9dcf2}
header.top .who{margin-left:auto;font-size:.9em;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
header.top .who a{color:#fff}
header.top .who .en{color:#c9dcf2}
nav.main{background:var(--brand-d)}
nav.main .inner{max-width:1200px;margin:0 auto;padding:0 8px;display:flex;gap:4px 18px;overflow-x:auto;white-space:nowrap}
nav.main .grp{display:flex;align-items:center;gap:2px}
nav.main .grp>span{color:#9fbbe0;font-size:.78em;margin-right:4px}
nav.main a{color:#e8f0fa;text-decoration:none;padding:8px 8px;display:inline-block;font-size:.92em;border-bottom:3px solid transparent}
nav.main a .en{color:#a9c3e4}
nav.main a.active{border-bottom-color:#ffcf4a;color:#fff}
nav.main .grp.mine>span{color:#ffcf4a}
main{max-width:1200px;margin:0 auto;padding:16px}
h1{font-size:1.45em;margin:.2em 0 .6em}
h2{font-size:1.15em;margin:0 0 .7em}
h3{font-size:1em;margin:.8em 0 .4em}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px;margin-bottom:16px;box-shadow:0 1px 2px rgba(16,40,70,.04)}
.grid{display:grid;gap:16px;grid-template-columns:repeat(auto-fit,minmax(300px,1fr))}
.grid2{display:grid;gap:16px;grid-template-columns:1fr 1fr}
.muted{color:var(--muted)}
.small{font-size:.86em}
form .row{display:grid;grid-template-columns:1fr 1fr;gap:12px}
form .row3{display:grid;grid-template-columns:1fr 1fr 1fr;gap:12px}
.field{margin-bottom:12px;min-width:0}
.field>label,.field>.lbl{display:block;font-weight:600;margin-bottom:4px;font-size:.93em}
input[type=text],input[type=number],input[type=date],input[type=datetime-local],input[type=url],input:not([type]),select,textarea{width:100%;padding:8px 10px;border:1px solid #c2ccd7;border-radius:6px;font:inherit;background:#fff;color:inherit}
textarea{min-height:84px;resize:vertical}
input:focus,select:focus,textarea:focus{outline:2px solid #8bb6e8;border-color:var(--brand)}
/* Keyboard users see where they are on every control, not only on text fields. */
a:focus-visible,button:focus-visible,summary:focus-visible,[tabindex]:focus-visible,input[type=checkbox]:focus-visible,input[type=radio]:focus-visible{outline:3px solid #1f5fa8;outline-offset:2px}
.checks{display:flex;flex-wrap:wrap;gap:6px 14px}
.checks label{display:inline-flex;align-items:center;gap:5px;font-weight:400;cursor:pointer}
.checks.scroll{max-height:168px;overflow:auto;border:1px solid var(--line);border-radius:6px;padding:8px;background:#fbfcfd}
button,.btn{display:inline-flex;align-items:center;gap:4px;font:inherit;font-weight:600;padding:8px 14px;border-radius:6px;border:1px solid var(--brand);background:var(--brand);color:#fff;cursor:pointer;text-decoration:none;line-height:1.3}
button .en,.btn .en{color:inherit}
button:disabled{opacity:.55;cursor:default}
button.ghost,.btn.ghost{background:#fff;color:var(--brand)}
button.danger{background:#fff;color:var(--bad);border-color:var(--bad)}
button.ok{background:var(--ok);border-color:var(--ok)}
.actions{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
.badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:.8em;font-weight:600;background:#e9eef3;color:#38495a;white-space:nowrap}
.badge.published,.badge.matching,.badge.composing,.badge.pending,.badge.proposed{background:#fff3d6;color:#8a5a00}
.badge.matched,.badge.accepted,.badge.composed,.badge.approved,.badge.paid,.badge.l1,.badge.l2,.badge.l3{background:#dff3e4;color:#17602b}
.badge.declined,.badge.withdrawn,.badge.closed{background:#fde4e4;color:#9b1c1c}
.badge.l3{background:#0f4c8a;color:#fff}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{width:100%;border-collapse:collapse;font-size:.93em}
th,td{text-align:left;padding:8px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f6f8fa;font-weight:600;white-space:nowrap}
table.dim{table-layout:fixed}
table.dim td:nth-child(1){width:46%}table.dim td:nth-child(2){width:16%}table.dim td:nth-child(4){width:12%}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:12px;margin-bottom:16px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.kpi .k{font-size:.85em;color:var(--muted)}
.kpi .v{font-size:clamp(1.05em,1.6vw,1.6em);font-weight:700;font-variant-numeric:tabular-nums;white-space:nowrap}
.chart{width:100%;height:320px}
.msg{padding:8px 12px;border-radius:6px;margin:8px 0;font-size:.93em}
.msg.ok{background:#e3f4e8;color:#17602b}
.msg.err{background:#fde7e7;color:#8e1b1b}
.msg.info{background:#e8f1fb;color:#134a85}
.msg ul{margin:.3em 0 0;padding-left:1.2em}
.msg .en{color:inherit}
.item{border:1px solid var(--line);border-radius:8px;padding:12px;margin-bottom:10px;background:#fff}
.item .head{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap;justify-content:space-between}
.item .title{font-weight:700}
.reasons{margin:.4em 0 0;padding:0;list-style:none;font-size:.9em}
.reasons li{display:grid;grid-template-columns:9.5em 1fr;gap:8px;padding:3px 0;border-top:1px dashed #e6ebf0}
.meter{height:8px;background:#e8edf2;border-radius:4px;overflow:hidden;margin-top:4px}
.meter>i{display:block;height:100%;background:var(--brand)}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:14px}
.tile{display:block;background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px;text-decoration:none;color:inherit}
.tile:hover{border-color:var(--brand)}
.tile b{display:block;font-size:1.08em;margin-bottom:4px;color:var(--brand)}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;word-break:break-all}
#indicator-form .row .field{display:flex;flex-direction:column}
#indicator-form .row .field>input{margin-top:auto}
fieldset{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:0 0 14px}
legend{font-weight:700;padding:0 6px}
@media (max-width:720px){
  main{padding:10px}
  .grid2,form .row,form .row3{grid-template-columns:1fr;gap:0}
  .card{padding:12px}
  .chart{height:280px}
  header.top .who{margin-left:0;width:100%}
  .reasons li{grid-template-columns:1fr;gap:0}
  .hide-sm{display:none}
}

@page{size:A4;margin:16mm 12mm 14mm;@top-left{content:"青岛市工业和信息化局 · 工赋青岛";font-size:8pt;color:#555}@bottom-center{content:counter(page) " / " counter(pages);font-size:8pt;color:#555}}
@media print{header.top,nav.main,form,button,.actions,.no-print{display:none!important}body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}.card{border:0;box-shadow:none;padding:0;margin:0 0 8px}table{page-break-inside:auto}tr{page-break-inside:avoid}thead{display:table-header-group}a{color:inherit;text-decoration:none}}
`;

/** The page script's tags: its hashed module, the chunks it imports (preloaded), and the icon. */
function Assets(p: { script: PageScript }) {
  const m = manifest();
  const entry = m.scripts[p.script];
  if (!entry) throw new Error(`console page script "${p.script}" is not in the asset manifest`);
  return (
    <>
      <link rel="icon" type="image/svg+xml" href={m.favicon} />
      {entry.preload.map((href) => (
        <link rel="modulepreload" href={href} />
      ))}
      <script type="module" src={entry.src}></script>
    </>
  );
}

/**
 * Every page: header, navigation (role groups start hidden; the page script shows the signed-in
 * user's), the title, and the page's own browser module `client/pages/<script>.ts`.
 */
export function Layout(p: { title: { zh: string; en: string }; path: string; script: PageScript; children?: Child }) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${p.title.zh} · 工赋青岛 / ${p.title.en}`}</title>
          <style>{raw(CSS)}</style>
          <Assets script={p.script} />
        </head>
        <body>
          <header class="top">
            <div class="bar">
              <a class="brand" href="/">
                工赋青岛 · 平台培优<span class="en">Gongfu Qingdao · Platform cultivation</span>
              </a>
              <div class="who" id="whoami" data-testid="whoami"></div>
            </div>
          </header>
          <nav class="main" aria-label="主导航 Main">
            <div class="inner">
              {NAV.map((g) => (
                <div class="grp" data-role={g.role ?? ''} hidden={g.role !== undefined}>
                  <span>{g.group.zh}</span>
                  {g.links.map((l) => (
                    <a href={l.href} class={p.path === l.href || p.path.startsWith(`${l.href}/`) ? 'active' : ''} data-testid={`nav-${l.href.slice(1).replace(/\//g, '-')}`}>
                      {l.zh}
                      <span class="en">{l.en}</span>
                    </a>
                  ))}
                </div>
              ))}
            </div>
          </nav>
          <main id="app">
            <h1>
              <T zh={p.title.zh} en={p.title.en} />
            </h1>
            {p.children}
          </main>
        </body>
      </html>
    </>
  );
}
