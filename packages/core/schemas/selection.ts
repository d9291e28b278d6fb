import { z } from 'zod';
import { Id, Text, Timestamp } from './common';

// What the province and MIIT decided about a platform the city recommended (第七条, 第十一条): the
// programme's headline result, recorded by the bureau from the published decision.

/** Who decided: the provincial department, or MIIT's national selection. */
export const SelectionBody = z.enum(['province', 'nation']).describe('province 省工信厅 | nation 工业和信息化部');
export type SelectionBody = z.infer<typeof SelectionBody>;

export const SelectionResult = z
  .enum(['key_platform', 'cross_industry', 'specialized', 'not_selected'])
  .describe('key_platform 省级重点平台 (province) | cross_industry 国家级双跨平台 | specialized 国家级特色专业型平台 (nation) | not_selected 未入选');
export type SelectionResult = z.infer<typeof SelectionResult>;

/** Which results each body can decide: a province names key platforms, MIIT the two national kinds. */
export const RESULTS_OF: Record<SelectionBody, readonly SelectionResult[]> = {
  province: ['key_platform', 'not_selected'],
  nation: ['cross_industry', 'specialized', 'not_selected'],
};

export const SELECTION_LABELS: Record<SelectionResult, { zh: string; en: string }> = {
  key_platform: { zh: '省级重点平台', en: 'provincial key platform' },
  cross_industry: { zh: '国家级双跨平台', en: 'national cross-industry platform' },
  specialized: { zh: '国家级特色专业型平台', en: 'national specialised platform' },
  not_selected: { zh: '未入选', en: 'not selected' },
};

/** "2026 省级重点平台 / 2026 provincial key platform", as the portrait and the 名录 show it. */
export const selectionTitle = (s: { year: number; result: SelectionResult }) =>
  `${s.year} ${SELECTION_LABELS[s.result].zh} / ${s.year} ${SELECTION_LABELS[s.result].en}`;

export const SelectionInput = z
  .object({
    result: SelectionResult,
    documentNo: Text(100).describe('文件文号，如 鲁工信字〔2026〕12号'),
    decidedOn: z.iso.date().describe('发文日期'),
    note: Text(1000).optional(),
  })
  .strict()
  .meta({ id: 'SelectionInput' });
export type SelectionInput = z.infer<typeof SelectionInput>;

export const Selection = z
  .object({
    platformId: Id,
    platformName: z.string(),
    year: z.number().int(),
    body: SelectionBody,
    result: SelectionResult,
    title: z.string().describe('zh / en, e.g. "2026 省级重点平台 / 2026 provincial key platform"'),
    documentNo: z.string(),
    decidedOn: z.string(),
    note: z.string().optional(),
    recordedAt: Timestamp,
    recordedBy: z.string(),
  })
  .meta({ id: 'Selection' });
export type Selection = z.infer<typeof Selection>;

/** Per year: how many platforms the city put forward upstream and how many were selected. */
export const SelectionYear = z
  .object({
    year: z.number().int(),
    recommended: z.number().int().describe('platforms with any recorded decision that year'),
    provincial: z.number().int().describe('selected as 省级重点平台'),
    national: z.number().int().describe('selected as 双跨 or 特色专业型'),
    notSelected: z.number().int().describe('platforms with decisions recorded and no selection'),
  })
  .meta({ id: 'SelectionYear' });
export type SelectionYear = z.infer<typeof SelectionYear>;

/** Counts of the programme's headline result per year, newest first. */
export function selectionYears(items: readonly Pick<Selection, 'year' | 'platformId' | 'body' | 'result'>[]): SelectionYear[] {
  const years = new Map<number, Map<string, { provincial: boolean; national: boolean }>>();
  for (const s of items) {
    const platforms = years.get(s.year) ?? new Map<string, { provincial: boolean; national: boolean }>();
    const p = platforms.get(s.platformId) ?? { provincial: false, national: false };
    if (s.result !== 'not_selected') p[s.body === 'province' ? 'provincial' : 'national'] = true;
    platforms.set(s.platformId, p);
    years.set(s.year, platforms);
  }
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, platforms]) => {
      const ps = [...platforms.values()];
      return {
        year,
        recommended: ps.length,
        provincial: ps.filter((p) => p.provincial).length,
        national: ps.filter((p) => p.national).length,
        notSelected: ps.filter((p) => !p.provincial && !p.national).length,
      };
    });
}
