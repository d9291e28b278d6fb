import ExcelJS from 'exceljs';
import { sheetHeaders } from '#core/import/sheets';
import { assessApplication } from '#services/rounds';
import { creditCodeFor, platformBody, specializedL2Report } from './fixtures';
import { expertBody, specializedSheet } from './round-fixtures';
import type { TestStack } from './stack';

/**
 * A round with three assessed level-2 specialized platforms 答辩平台A/B/C, reviewed by three experts
 * (totals 90 / 80 / 70; or only assigned with `scored: false`), and a fourth expert who works for
 * A's operator (a conflict).
 */
export async function reviewedRound(stack: TestStack, year: number, opts: { scored?: boolean } = {}) {
  const bureau = await stack.token('bureau');
  const day = 86_400_000;
  const roundId = (await stack.call('POST', '/v1/rounds', { token: bureau, body: { year, opensAt: new Date(Date.now() - day).toISOString(), closesAt: new Date(Date.now() + 30 * day).toISOString(), noticeDays: 7 } })).body.id as string;
  const apps: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  for (const [k, i] of [['a', 1], ['b', 2], ['c', 3]] as const) {
    const id = (await stack.call('POST', '/v1/platforms', { token: bureau, body: platformBody(`答辩平台${k.toUpperCase()}`, { operator: { name: `运营${k}`, creditCode: creditCodeFor(900 + i) } }) })).body.id;
    const plt = await stack.token('platform', id);
    await stack.call('PUT', `/v1/platforms/${id}/indicators/${year}`, { token: plt, body: specializedL2Report() });
    apps[k] = (await stack.call('POST', `/v1/rounds/${roundId}/applications`, { token: plt, body: { platformId: id } })).body.id;
    await stack.call('POST', `/v1/applications/${apps[k]}/submit`, { token: plt });
    await assessApplication(stack.deps, { type: 'AssessApplication', applicationId: apps[k], submission: 1 });
  }
  const experts: { id: string; token: string; name: string }[] = [];
  for (let i = 0; i < 4; i++) {
    const name = `答辩专家${i + 1}`;
    const e = await stack.call('POST', '/v1/experts', { token: bureau, body: expertBody(name, i === 3 ? creditCodeFor(901) : creditCodeFor(950 + i)) });
    experts.push({ id: e.body.id, name, token: await stack.token('expert', undefined, { sub: e.body.id }) });
  }
  const panel = experts.slice(0, 3);
  const reviews = (await stack.call('POST', `/v1/rounds/${roundId}/reviews`, { token: bureau, body: { applicationIds: Object.values(apps), expertIds: panel.map((e) => e.id) } })).body.items as { id: string; applicationId: string; expertId: string }[];
  const total: Record<string, number> = { [apps.a]: 90, [apps.b]: 80, [apps.c]: 70 };
  if (opts.scored === false) return { roundId, apps, experts, reviews };
  for (const r of reviews) {
    const e = panel.find((x) => x.id === r.expertId)!;
    await stack.call('PUT', `/v1/reviews/${r.id}`, { token: e.token, body: { scores: specializedSheet(total[r.applicationId]!), comment: '' } });
    const sub = await stack.call('POST', `/v1/reviews/${r.id}/submit`, { token: e.token });
    if (sub.status !== 200) throw new Error(`review submit answered ${sub.status}`);
  }
  return { roundId, apps, experts, reviews };
}

/** Imports a 名录 for `year` through the bureau's xlsx route: names with their levels; returns the platform ids by name. */
export async function listedIn(stack: TestStack, year: number, levels: Record<string, 1 | 2 | 3>): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(sheetHeaders('directory'));
  Object.entries(levels).forEach(([name, level], i) => {
    const row: Record<string, string> = {
      平台名称: name, 运营单位: `${name}公司`, 统一社会信用代码: creditCodeFor(700 + i), 类型: '专业型', 子类型: '', 区市: '崂山区',
      行业: 'C38', 领域: '设备运维', 技术: 'iot', 平台简介: '设备远程运维平台', 等级: ['', '一级', '二级', '三级'][level]!,
    };
    ws.addRow(sheetHeaders('directory').map((h) => row[h] ?? ''));
  });
  const bureau = await stack.token('bureau');
  const res = await stack.app.request(`/v1/imports/directory?year=${year}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bureau}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer),
  });
  if (res.status !== 201) throw new Error(`directory import answered ${res.status}: ${await res.text()}`);
  const register = (await stack.call('GET', '/v1/stats/platforms', { token: bureau })).body.items as { id: string; name: string }[];
  return Object.fromEntries(Object.keys(levels).map((n) => [n, register.find((p) => p.name === n)!.id]));
}
