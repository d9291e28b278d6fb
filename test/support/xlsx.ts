/** Every cell of an .xlsx response's first sheet as text: what a clerk opening the file would read. */
export async function xlsxCells(res: Response): Promise<string[]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb.worksheets[0]!.getSheetValues().flat().map(String);
}
