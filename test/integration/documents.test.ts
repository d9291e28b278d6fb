import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundOnNotice } from '../support/notice-round';
import { listedIn } from '../support/recommend-fixtures';
import { startTestStack, type TestStack } from '../support/stack';

// The 名录 and 公示 as PDF files, the way the bureau publishes them: they open in a PDF reader
// (pdf.js here) and their Chinese text is selectable — extracted, the platform names are there.

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ pollers: false });
});
afterAll(() => stack?.stop());

async function pdfText(res: Response): Promise<{ text: string; pages: number }> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ''), pages: totalPages };
}

describe('PDF documents', () => {
  it('the year’s 名录 as an A4 PDF with its platforms, selectable Chinese and page numbers', async () => {
    const names = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`青岛鲲鹏工业互联网平台第${i + 1}号`, ((i % 3) + 1) as 1 | 2 | 3]));
    await listedIn(stack, 2023, names);
    const { text, pages } = await pdfText(await stack.app.request('/v1/directory/2023.pdf'));
    expect(text).toContain('青岛市工业互联网平台培优名录（2023年度）');
    for (const n of Object.keys(names)) expect(text).toContain(n);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`第1/${pages}页`);
    expect((await stack.app.request('/v1/directory/2019.pdf')).status).toBe(404);
  });

  it('the running 公示 as a PDF with the deadline and the proposed platforms', async () => {
    const { roundId } = await roundOnNotice(stack, '海岸线智造公示平台', 2024);
    const { text } = await pdfText(await stack.app.request(`/v1/public/notices/${roundId}?format=pdf`));
    expect(text).toContain('2024年度工业互联网平台培优入库名单公示');
    expect(text).toContain('海岸线智造公示平台');
    expect(text).toContain('公示期至');
  });
});
