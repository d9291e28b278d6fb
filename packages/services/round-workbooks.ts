import { levelZh, UPSTREAM_LEVEL_LABELS } from '#core/labels';
import type { DistrictRow } from '#core/schemas/district';
import type { CatalogueItem } from '#core/schemas/proposal';
import type { Grant, Programme } from '#core/schemas/support';
import type { Recommendations } from '#core/schemas/review';
import type { FinalList } from '#core/schemas/defence';
import type { DirectoryYear } from '#core/schemas/round';
import { label } from '#core/taxonomy';

// xlsx exports of the round; exceljs is loaded only when someone asks for one (as the agenda's).

async function workbook() {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '工赋青岛 · 工业互联网平台培优';
  return wb;
}


/** The year's published 名录, one row per platform, dated in the title row. */
export async function directoryWorkbook(d: DirectoryYear): Promise<Uint8Array<ArrayBuffer>> {
  const wb = await workbook();
  const ws = wb.addWorksheet(`${d.year}年度名录`);
  ws.addRow([`青岛市工业互联网平台培优名录（${d.year}年度） / Qingdao cultivation directory ${d.year} — 发布 published ${d.publishedAt.slice(0, 10)}`]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['序号 No.', '平台名称 Platform', '运营单位 Operator', '统一社会信用代码 Credit code', '类型 Category', '区市 Region', '等级 Level', '平台编号 Platform id']);
  ws.getRow(2).font = { bold: true };
  d.entries.forEach((e, i) =>
    ws.addRow([i + 1, e.platformName, e.operatorName, e.operatorCreditCode, label('category', e.category), e.region, levelZh(e.level), e.platformId]),
  );
  ws.columns.forEach((col, i) => (col.width = [6, 32, 32, 22, 10, 10, 8, 24][i]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** One sheet per category: rank, aggregated score, then every expert's total, sheet and comment. */
export async function recommendationsWorkbook(r: Recommendations): Promise<Uint8Array<ArrayBuffer>> {
  const wb = await workbook();
  for (const cat of r.categories) {
    const ws = wb.addWorksheet(`${label('category', cat.category)} ${cat.category}`);
    ws.addRow([`${r.year}年度专家评审推荐名单 · ${label('category', cat.category)} / Expert review recommendations`]);
    ws.getRow(1).font = { bold: true, size: 14 };
    ws.addRow(['排名 Rank', '平台名称 Platform', '运营单位 Operator', '等级 Level', '汇总得分 Score', '去掉的最高/最低分 Dropped', '专家 Expert', '专家总分 Total', '各项得分 Scores', '评审意见 Comment']);
    ws.getRow(2).font = { bold: true };
    for (const item of cat.items) {
      const head = [item.rank, item.platformName, item.operatorName, levelZh(item.level), item.score ?? '—', item.droppedTotals.join(' / ')];
      if (item.reviews.length === 0) ws.addRow([...head, '—', '', '', '']);
      item.reviews.forEach((rv, i) =>
        ws.addRow([...(i === 0 ? head : ['', '', '', '', '', '']), rv.expertName, rv.total, Object.entries(rv.scores).map(([k, v]) => `${k}:${v}`).join('; '), rv.comment]),
      );
    }
    ws.columns.forEach((col, i) => (col.width = [8, 30, 30, 8, 10, 14, 12, 10, 50, 50][i]));
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A support programme's ledger: budget, committed, paid, then one row per grant and payment. */
export async function supportLedgerWorkbook(l: { programme: Programme; grants: Grant[] }): Promise<Uint8Array<ArrayBuffer>> {
  const wb = await workbook();
  const p = l.programme;
  const ws = wb.addWorksheet(`${p.year}奖补台账`);
  ws.addRow([`${p.name}（${p.year}年度）奖补台账 / Support ledger`]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['预算（万元） Budget', p.budgetWan, '已核定 Committed', p.committedWan, '已拨付 Paid', p.paidWan, '余额 Left', (Math.round(p.budgetWan * 100) - Math.round(p.committedWan * 100)) / 100]);
  ws.addRow(['序号 No.', '平台 Platform', '方式 Via', '状态 Status', '可享 Eligible', '核定 Approved', '已拨付 Paid', '拨付日期 Paid on', '凭证号 Voucher', '拨付金额 Amount']);
  ws.getRow(3).font = { bold: true };
  const VIA = { application: '申请', nomination: '推荐' } as const;
  const STATUS = { proposed: '待核定', approved: '已核定', rejected: '未通过', paid: '已拨付' } as const;
  l.grants.forEach((g, i) => {
    const head = [i + 1, g.platformName, VIA[g.via], STATUS[g.status], g.eligibleWan, g.approvedWan ?? '', g.paidWan];
    if (!g.payments.length) ws.addRow([...head, '', '', '']);
    g.payments.forEach((pay, k) => ws.addRow([...(k === 0 ? head : ['', '', '', '', '', '', '']), pay.paidOn, pay.voucherNo, pay.amountWan]));
  });
  ws.columns.forEach((col, i) => (col.width = [8, 30, 8, 10, 10, 10, 10, 12, 18, 10][i]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The published 场景清单 as the bureau posts it on its website: one row per open scenario. */
export async function catalogueWorkbook(items: readonly CatalogueItem[], at: string): Promise<Uint8Array<ArrayBuffer>> {
  const wb = await workbook();
  const ws = wb.addWorksheet('工业赋能场景清单');
  ws.addRow([`青岛市工业赋能场景清单 / Qingdao published scenarios — ${at.slice(0, 10)}`]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['序号 No.', '场景 Scenario', '需求描述 Need', '企业 Enterprise', '行业 Industry', '领域 Domains', '区市 District', '预算（万元） Budget', '截止 Deadline', '发布 Published', '编号 Id']);
  ws.getRow(2).font = { bold: true };
  items.forEach((x, i) =>
    ws.addRow([i + 1, x.title, x.description, x.enterprise, label('industry', x.industry), x.domains.map((d) => label('domain', d)).join('、'), x.region, x.budgetWan ?? '', x.deadline ?? '', x.publishedAt?.slice(0, 10) ?? '', x.id]),
  );
  ws.columns.forEach((col, i) => (col.width = [6, 28, 60, 30, 18, 20, 10, 12, 12, 12, 24][i]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** 区市对比 as the bureau circulates it. */
export async function districtWorkbook(rows: readonly DistrictRow[], at: string): Promise<Uint8Array<ArrayBuffer>> {
  const wb = await workbook();
  const ws = wb.addWorksheet('区市对比');
  ws.addRow([`青岛市工业互联网平台培优 · 区市对比 / Districts side by side — ${at.slice(0, 10)}`]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['区市 District', '平台 Platforms', '未达标 L0', '一级 L1', '二级 L2', '三级 L3', '场景 Scenarios', '线索 Leads', '接受 Accepted', '签约 Signed', '合同（万元） Contract', '待初审 Pending', '已推荐 Endorsed', '已退回 Returned', '初审用时中位（天） Median days', '最久待审（天） Oldest pending days']);
  ws.getRow(2).font = { bold: true };
  for (const r of rows) ws.addRow([r.region, r.platforms, ...r.byLevel, r.scenarios, r.leads, r.accepted, r.signed, r.contractWan, r.review.pending, r.review.endorsed, r.review.returned, r.review.medianDays ?? '—', r.review.oldestPendingDays ?? '—']);
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 12 : 11));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** 推荐名单 as a recommendation letter's attachment: the selected, by category and rank, then the rule. */
export async function finalListWorkbook(l: FinalList): Promise<Uint8Array<ArrayBuffer>> {
  const wb = await workbook();
  const upstreamZh = UPSTREAM_LEVEL_LABELS[l.level].zh;
  const ws = wb.addWorksheet(`${l.year}${upstreamZh}推荐名单`);
  ws.addRow([`青岛市${l.year}年度工业互联网平台${upstreamZh}推荐名单（附件） / ${l.level} recommendation list ${l.year}${l.status === 'fixed' ? '' : ' — 草案 draft'}`]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['序号 No.', '类型 Category', '类内名次 Rank', '平台名称 Platform', '运营单位 Operator', '等级 Level', '评审得分 Review', '答辩得分 Defence', '综合得分 Combined']);
  ws.getRow(2).font = { bold: true };
  l.items.filter((x) => x.selected).forEach((x, i) =>
    ws.addRow([i + 1, label('category', x.category), x.rank, x.platformName, x.operatorName, levelZh(x.level), x.reviewScore ?? '—', x.defenceScore ?? '—', x.combined ?? '—']),
  );
  ws.addRow([]);
  ws.addRow([`名额 Quotas：${Object.entries(l.quotas).map(([c, n]) => `${label('category', c)} ${n}`).join('，')}`]);
  ws.addRow([`规则 Rule：${l.rule}`]);
  if (l.fixedAt) ws.addRow([`确定时间 Fixed at：${l.fixedAt}`]);
  ws.columns.forEach((col, i) => (col.width = [6, 10, 8, 30, 30, 8, 10, 10, 10][i]));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
