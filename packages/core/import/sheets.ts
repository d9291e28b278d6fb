import { PlatformInput } from '../schemas/platform';
import { ScenarioInput } from '../schemas/scenario';
import { CATEGORIES, DOMAINS, INDUSTRIES, REGIONS, SUBTYPES, TECHNOLOGIES, type Term } from '../taxonomy';

// The bureau's own spreadsheets (last year's 名录 and its 场景清单) read row by row: headers in
// Chinese as the bureau writes them, taxonomy cells as a code or its Chinese label, lists separated
// the ways people separate them. Pure: the service reads the workbook and writes the result.

export interface RowError {
  row: number;
  column: string;
  message: string;
}

type Cells = Record<string, string>;

const split = (s: string) => s.split(/[,，、;；\s]+/).map((x) => x.trim()).filter(Boolean);

/** A code, its Chinese label, or (for industries) "C38 电气机械…" as exported elsewhere. */
function term(terms: readonly Term[], cell: string): string {
  const v = cell.trim();
  const hit = terms.find((t) => t.code === v || t.zh === v || v.startsWith(`${t.code} `) || t.en.toLowerCase() === v.toLowerCase());
  return hit?.code ?? v;
}

const terms = (list: readonly Term[], cell: string) => split(cell).map((x) => term(list, x));

interface Column<T> {
  header: string;
  /** The input field this column fills, for mapping validation errors back to it. */
  field: string;
  required?: boolean;
  put(target: T, cell: string): void;
}

type Draft = Record<string, any>;

const PLATFORM_COLUMNS: Column<Draft>[] = [
  { header: '平台名称', field: 'name', required: true, put: (t, c) => (t.name = c) },
  { header: '运营单位', field: 'operator.name', required: true, put: (t, c) => ((t.operator ??= {}).name = c) },
  { header: '统一社会信用代码', field: 'operator.creditCode', required: true, put: (t, c) => ((t.operator ??= {}).creditCode = c) },
  { header: '类型', field: 'category', required: true, put: (t, c) => (t.category = term(CATEGORIES, c)) },
  { header: '子类型', field: 'subtype', put: (t, c) => c && (t.subtype = term(SUBTYPES, c)) },
  { header: '区市', field: 'region', required: true, put: (t, c) => (t.region = term(REGIONS, c)) },
  { header: '行业', field: 'industries', required: true, put: (t, c) => (t.industries = terms(INDUSTRIES, c)) },
  { header: '领域', field: 'domains', required: true, put: (t, c) => (t.domains = terms(DOMAINS, c)) },
  { header: '技术', field: 'technologies', put: (t, c) => (t.technologies = terms(TECHNOLOGIES, c)) },
  { header: '平台简介', field: 'description', required: true, put: (t, c) => (t.description = c) },
];

const DIRECTORY_COLUMNS: Column<Draft>[] = [
  ...PLATFORM_COLUMNS,
  { header: '等级', field: 'level', required: true, put: (t, c) => (t.level = /^[1-3]$/.test(c) ? Number(c) : ({ 一级: 1, 二级: 2, 三级: 3 } as Record<string, number>)[c] ?? c) },
];

const SCENARIO_COLUMNS: Column<Draft>[] = [
  { header: '场景名称', field: 'title', required: true, put: (t, c) => (t.title = c) },
  { header: '需求描述', field: 'description', required: true, put: (t, c) => (t.description = c) },
  { header: '企业名称', field: 'enterprise.name', required: true, put: (t, c) => ((t.enterprise ??= {}).name = c) },
  { header: '统一社会信用代码', field: 'enterprise.creditCode', required: true, put: (t, c) => ((t.enterprise ??= {}).creditCode = c) },
  { header: '行业', field: 'industry', required: true, put: (t, c) => (t.industry = term(INDUSTRIES, c)) },
  { header: '领域', field: 'domains', required: true, put: (t, c) => (t.domains = terms(DOMAINS, c)) },
  { header: '技术', field: 'technologies', put: (t, c) => (t.technologies = terms(TECHNOLOGIES, c)) },
  { header: '区市', field: 'region', required: true, put: (t, c) => (t.region = term(REGIONS, c)) },
  { header: '预算（万元）', field: 'budgetWan', put: (t, c) => c && (t.budgetWan = Number.isFinite(Number(c)) ? Number(c) : c) },
  { header: '截止日期', field: 'deadline', put: (t, c) => c && (t.deadline = c) },
];

export const SHEETS = {
  directory: { columns: DIRECTORY_COLUMNS, maxRows: 2000 },
  scenarios: { columns: SCENARIO_COLUMNS, maxRows: 2000 },
} as const;
export type SheetKind = keyof typeof SHEETS;

export const sheetHeaders = (kind: SheetKind) => SHEETS[kind].columns.map((c) => c.header);

export interface SheetRow {
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  cells: string[];
}

export type DirectoryRow = PlatformInput & { level: 1 | 2 | 3 };
export interface SheetResult<T> {
  values: { row: number; value: T }[];
  errors: RowError[];
}

function columnOf<T>(columns: Column<T>[], path: PropertyKey[]): string {
  const joined = path.map(String).join('.');
  const hit = columns.find((c) => joined === c.field || joined.startsWith(`${c.field}.`));
  return hit?.header ?? '';
}

/**
 * Validates every row against the same schema the API uses for one-by-one creation, and collects
 * every problem as (row, column, message); nothing is partial: a caller imports only if `errors` is empty.
 */
export function parseSheet(kind: 'directory', header: string[], rows: SheetRow[]): SheetResult<DirectoryRow>;
export function parseSheet(kind: 'scenarios', header: string[], rows: SheetRow[]): SheetResult<ScenarioInput>;
export function parseSheet(kind: SheetKind, header: string[], rows: SheetRow[]): SheetResult<unknown> {
  const { columns, maxRows } = SHEETS[kind];
  const errors: RowError[] = [];
  const index = new Map<Column<Draft>, number>();
  const names = header.map((h) => h.trim());
  for (const col of columns) {
    const i = names.findIndex((h) => h === col.header || h.startsWith(`${col.header} `));
    if (i >= 0) index.set(col, i);
    else if (col.required) errors.push({ row: 1, column: col.header, message: '缺少此列 / column missing' });
  }
  if (errors.length) return { values: [], errors };
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (filled.length === 0) return { values: [], errors: [{ row: 2, column: '', message: '没有数据行 / no data rows' }] };
  if (filled.length > maxRows) return { values: [], errors: [{ row: maxRows + 2, column: '', message: `一次最多导入 ${maxRows} 行 / at most ${maxRows} rows per file` }] };

  const values: { row: number; value: unknown }[] = [];
  const seen = new Map<string, number>();
  for (const r of filled) {
    const draft: Draft = {};
    let missing = false;
    for (const [col, i] of index) {
      const cell = (r.cells[i] ?? '').trim();
      if (!cell && col.required) {
        errors.push({ row: r.row, column: col.header, message: '必填 / required' });
        missing = true;
      } else if (cell) col.put(draft, cell);
    }
    if (missing) continue;
    if (kind === 'directory') {
      draft.technologies ??= [];
      const { level, ...platform } = draft;
      const parsed = PlatformInput.safeParse(platform);
      if (!parsed.success) for (const issue of parsed.error.issues) errors.push({ row: r.row, column: columnOf(columns, issue.path), message: issue.message });
      if (level !== 1 && level !== 2 && level !== 3) errors.push({ row: r.row, column: '等级', message: '等级须为 1–3 或 一级/二级/三级 / level must be 1–3' });
      if (parsed.success && (level === 1 || level === 2 || level === 3)) {
        const key = `${parsed.data.operator.creditCode}|${parsed.data.name}`;
        if (seen.has(key)) errors.push({ row: r.row, column: '平台名称', message: `与第 ${seen.get(key)} 行重复 / duplicate of row ${seen.get(key)}` });
        else seen.set(key, r.row);
        values.push({ row: r.row, value: { ...parsed.data, level } });
      }
    } else {
      draft.technologies ??= [];
      const parsed = ScenarioInput.safeParse(draft);
      if (!parsed.success) for (const issue of parsed.error.issues) errors.push({ row: r.row, column: columnOf(columns, issue.path), message: issue.message });
      else {
        const key = `${parsed.data.enterprise.creditCode}|${parsed.data.title}`;
        if (seen.has(key)) errors.push({ row: r.row, column: '场景名称', message: `与第 ${seen.get(key)} 行重复 / duplicate of row ${seen.get(key)}` });
        else seen.set(key, r.row);
        values.push({ row: r.row, value: parsed.data });
      }
    }
  }
  return { values: errors.length ? [] : values, errors };
}
