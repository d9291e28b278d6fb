import { levelZh, UPSTREAM_LEVEL_LABELS } from '#core/labels';
import type { FinalList } from '#core/schemas/defence';
import type { DirectoryYear, NoticeEntry } from '#core/schemas/round';
import { label } from '#core/taxonomy';

// The 名录 and 公示 as the bureau publishes them on its website: A4 PDF, the bureau's name and the
// date at the top, page numbers at the foot, Chinese text embedded (a GB2312 subset of Noto Sans SC,
// which pdfkit subsets again to the glyphs used) and selectable.

const BUREAU = '青岛市工业和信息化局';

interface Column {
  title: string;
  width: number;
}

function table(doc: PDFKit.PDFDocument, columns: Column[], rows: string[][]) {
  const left = doc.page.margins.left;
  const rowHeight = 20;
  const header = () => {
    let x = left;
    doc.fontSize(9).fillColor('#444');
    for (const c of columns) {
      doc.text(c.title, x, doc.y, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.moveDown(0.4).moveTo(left, doc.y).lineTo(left + columns.reduce((s, c) => s + c.width, 0), doc.y).strokeColor('#999').stroke().moveDown(0.3);
  };
  header();
  for (const r of rows) {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = left;
    doc.fontSize(10).fillColor('#000');
    r.forEach((cell, i) => {
      doc.text(cell, x, y, { width: columns[i]!.width - 4, height: rowHeight, ellipsis: true, lineBreak: false });
      x += columns[i]!.width;
    });
    doc.y = y + rowHeight;
  }
}

async function render(font: Uint8Array, title: string, subtitle: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array<ArrayBuffer>> {
  // pdfkit is loaded only when someone asks for a PDF, as exceljs is for a workbook.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 48, right: 48 }, bufferPages: true, info: { Title: title, Author: BUREAU } });
  doc.registerFont('cjk', Buffer.from(font));
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(16).text(title, { align: 'center' }).moveDown(0.3);
  doc.fontSize(10).fillColor('#555').text(subtitle, { align: 'center' }).moveDown(1);
  draw(doc);
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(i);
    // Header and footer sit in the margins; without lineBreak false pdfkit would start new pages for them.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#777');
    doc.text(BUREAU, 48, 24, { lineBreak: false });
    doc.text(`第 ${i + 1} / ${pages.count} 页  Page ${i + 1} of ${pages.count}`, 48, doc.page.height - 36, { width: doc.page.width - 96, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  const bytes = Buffer.concat(chunks);
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

/** The year's published 名录, one row per platform. */
export function directoryPdf(font: Uint8Array, d: DirectoryYear): Promise<Uint8Array<ArrayBuffer>> {
  return render(font, `青岛市工业互联网平台培优名录（${d.year}年度）`, `发布日期 ${d.publishedAt.slice(0, 10)} · 共 ${d.entries.length} 个平台`, (doc) =>
    table(
      doc,
      [{ title: '序号', width: 34 }, { title: '平台名称', width: 160 }, { title: '运营单位', width: 150 }, { title: '类型', width: 56 }, { title: '区市', width: 50 }, { title: '等级', width: 49 }],
      d.entries.map((e, i) => [String(i + 1), e.platformName, e.operatorName, label('category', e.category), e.region, levelZh(e.level)]),
    ),
  );
}

/** The 公示 while it runs: who is proposed for the 名录, and until when objections are taken. */
export function noticePdf(font: Uint8Array, n: { round: { year: number }; noticeEndsAt: string; entries: NoticeEntry[] }): Promise<Uint8Array<ArrayBuffer>> {
  return render(font, `${n.round.year}年度工业互联网平台培优入库名单公示`, `公示期至 ${n.noticeEndsAt.slice(0, 10)}。公示期内如有异议，请通过本网站提交。`, (doc) =>
    table(
      doc,
      [{ title: '序号', width: 34 }, { title: '平台名称', width: 180 }, { title: '运营单位', width: 170 }, { title: '类型', width: 60 }, { title: '拟定等级', width: 55 }],
      n.entries.map((e, i) => [String(i + 1), e.platformName, e.operatorName, label('category', e.category), levelZh(e.level)]),
    ),
  );
}

/** The recommendation list for the province or MIIT: the letter's attachment, as the bureau sends it. */
export function finalListPdf(font: Uint8Array, l: FinalList): Promise<Uint8Array<ArrayBuffer>> {
  const upstreamZh = UPSTREAM_LEVEL_LABELS[l.level].zh;
  const selected = l.items.filter((x) => x.selected);
  const quotas = Object.entries(l.quotas).map(([c, n]) => `${label('category', c)} ${n}`).join('，');
  const score = (x: number | null) => (x === null ? '—' : x.toFixed(1));
  return render(
    font,
    `青岛市${l.year}年度工业互联网平台${upstreamZh}推荐名单${l.status === 'fixed' ? '' : '（草案）'}`,
    `名额：${quotas} · 共 ${selected.length} 个平台${l.fixedAt ? ` · 确定于 ${l.fixedAt.slice(0, 10)}` : ''}`,
    (doc) => {
      table(
        doc,
        [{ title: '序号', width: 30 }, { title: '类型', width: 46 }, { title: '名次', width: 30 }, { title: '平台名称', width: 130 }, { title: '运营单位', width: 124 }, { title: '等级', width: 34 }, { title: '评审', width: 35 }, { title: '答辩', width: 35 }, { title: '综合', width: 35 }],
        selected.map((x, i) => [String(i + 1), label('category', x.category), String(x.rank), x.platformName, x.operatorName, levelZh(x.level), score(x.reviewScore), score(x.defenceScore), score(x.combined)]),
      );
      doc.moveDown().fontSize(9).fillColor('#333').text(`规则：${l.rule}`);
    },
  );
}
