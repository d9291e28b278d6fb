import { createHash } from 'node:crypto';
import { AppError, conflict, forbidden } from '#core/errors';
import { deterministicId } from '#core/ids';
import { parseSheet, type RowError, type SheetKind, type SheetRow } from '#core/import/sheets';
import { nationalTrack } from '#core/maturity/assess';
import type { Principal } from '#core/principal';
import { enterpriseOrgId } from '#core/schemas/account';
import type { DirectoryEntry } from '#core/schemas/round';
import type { Scenario } from '#core/schemas/scenario';
import { bumpRegistryVersion, createPlatform, getPlatform, type PlatformRecord } from '#db/platforms';
import { getDirectoryYear, writeDirectoryYear } from '#db/rounds';
import { createScenario, getScenario } from '#db/scenarios';
import { getItem, putIf, type Store } from '#db/store';
import type { Deps } from '#runtime/deps';
import { nowIso, storeOf } from './store';

export interface ImportResult {
  id: string;
  kind: SheetKind;
  rows: number;
  created: number;
  alreadyPresent: number;
  year?: number;
  importedAt: string;
  replayed: boolean;
}

/** The first worksheet as text cells; exceljs is loaded only for an import. */
async function readSheet(bytes: Uint8Array): Promise<{ header: string[]; rows: SheetRow[] }> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION_FAILED', '不是有效的 .xlsx 文件 / Not a readable .xlsx workbook', [{ path: 'body', message: 'xlsx expected' }]);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION_FAILED', '工作簿没有工作表 / The workbook has no sheet', [{ path: 'body', message: 'no sheet' }]);
  const all: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let i = 1; i <= ws.columnCount; i++) cells.push(row.getCell(i).text ?? '');
    all.push({ row: n, cells });
  });
  const [head, ...rows] = all;
  return { header: head?.cells ?? [], rows };
}

const report = (errors: RowError[]) =>
  new AppError(
    'VALIDATION_FAILED',
    `导入文件有 ${errors.length} 处错误，未导入任何数据 / ${errors.length} problem(s) in the file; nothing was imported`,
    errors.map((e) => ({ path: `rows.${e.row}${e.column ? `.${e.column}` : ''}`, message: e.message })),
  );

/** A concurrent import of the same row got there first: that is the outcome wanted. */
const alreadyThere = (err: unknown) => {
  if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
};

const importKey = (kind: SheetKind, hash: string) => ({ pk: `IMPORT#${kind}#${hash}`, sk: 'META' });

/**
 * Imports the bureau's spreadsheet all or nothing: any bad row and nothing is written, with a
 * (row, column, message) report. The same file again is recognised by its SHA-256 and changes
 * nothing; rows are written under ids derived from their content, so a retry after a crash
 * completes the import without duplicates.
 */
export async function importSheet(deps: Deps, who: Principal, kind: SheetKind, bytes: Uint8Array, opts: { year?: number; batch?: string } = {}): Promise<ImportResult> {
  if (!(who.role === 'bureau' || (who.role === 'district' && kind === 'scenarios'))) throw forbidden();
  const s = storeOf(deps);
  // A district's file is its own: the same bytes from another district (or the bureau) import anew.
  const hash = createHash('sha256').update(bytes).update(who.role === 'district' ? `#${who.district}` : '').digest('hex');
  const done = await getItem<ImportResult>(s, importKey(kind, hash).pk, 'META');
  if (done) return { ...done, replayed: true };
  if (kind === 'directory' && !opts.year)
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'year', message: '须指明名录年度 ?year= / the directory year is required' }]);

  const { header, rows } = await readSheet(bytes);
  const at = nowIso(deps);
  let created = 0;
  let count = 0;
  if (kind === 'directory') {
    const parsed = parseSheet('directory', header, rows);
    if (parsed.errors.length) throw report(parsed.errors);
    const year = opts.year!;
    if (await getDirectoryYear(s, year)) throw conflict(`${year} 年度名录已发布，不可覆盖 / The ${year} directory is already published and immutable`);
    const entries: DirectoryEntry[] = [];
    for (const { value } of parsed.values) {
      const { level, ...input } = value;
      const id = deterministicId('plt', input.operator.creditCode, input.name);
      const p: PlatformRecord = {
        ...input,
        id,
        version: 1,
        level: 0,
        eligibility: { cityDirectory: false, provincialRecommendation: false, nationalRecommendation: false, nationalTrack: nationalTrack(input.category) },
        assessedYear: null,
        createdAt: at,
        updatedAt: at,
      };
      if (!(await getPlatform(s, id))) {
        await createPlatform(s, p).catch(alreadyThere);
        created++;
      }
      entries.push({
        applicationId: deterministicId('imp', String(year), id),
        platformId: id,
        platformName: input.name,
        operatorName: input.operator.name,
        operatorCreditCode: input.operator.creditCode,
        category: input.category,
        ...(input.subtype ? { subtype: input.subtype } : {}),
        region: input.region,
        level,
        eligibility: { cityDirectory: true, provincialRecommendation: level >= 2, nationalRecommendation: level >= 3, nationalTrack: nationalTrack(input.category) },
      });
    }
    await writeDirectoryYear(s, { year, roundId: `import_${hash.slice(0, 16)}`, publishedAt: at, entries });
    await bumpRegistryVersion(s);
    await deps.publisher.sendBatch('embed', entries.map((e) => ({ type: 'PlatformChanged' as const, platformId: e.platformId })));
    count = entries.length;
  } else {
    const parsed = parseSheet('scenarios', header, rows);
    // A district imports its own enterprises only: another region's row is that row's error.
    if (who.role === 'district')
      for (const { row, value } of parsed.values)
        if (value.region !== who.district) parsed.errors.push({ row, column: '区市', message: `不属于${who.district} / not in ${who.district}` });
    if (parsed.errors.length) throw report(parsed.errors);
    const ids: string[] = [];
    for (const { value } of parsed.values) {
      const id = deterministicId('scn', value.enterprise.creditCode, value.title);
      ids.push(id);
      if (await getScenario(s, id)) continue;
      const sc: Scenario = {
        ...value,
        id,
        // Imported scenarios belong to their enterprise, named by its credit code until it signs in.
        ownerOrg: enterpriseOrgId(value.enterprise.creditCode),
        ...(who.role === 'district' ? { enteredByDistrict: who.district } : {}),
        status: 'published',
        ...(opts.batch ? { batch: opts.batch } : {}),
        version: 1,
        createdAt: at,
        updatedAt: at,
        publishedAt: at,
      };
      await createScenario(s, sc).catch(alreadyThere);
      created++;
    }
    // Matching starts now; a lost message is re-driven by the reconciler (the scenarios are `published`).
    await deps.publisher.sendBatch('embed', ids.map((scenarioId) => ({ type: 'ScenarioPublished' as const, scenarioId })));
    count = ids.length;
  }
  const result: ImportResult = { id: hash.slice(0, 16), kind, rows: count, created, alreadyPresent: count - created, ...(opts.year ? { year: opts.year } : {}), importedAt: at, replayed: false };
  await putIf(s as Store, { ...importKey(kind, hash), entity: 'import', ...result }, 'attribute_not_exists(pk)');
  return result;
}
