import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const NAME = 'NotoSansSC-GB2312.ttf';
let font: Promise<Uint8Array> | undefined;

/**
 * The Chinese font the 名录 and 公示 PDFs embed, read once per process: beside the Lambda bundle
 * (infra/api.ts copies it to fonts/), or from assets/fonts in a checkout.
 */
export function pdfFont(): Promise<Uint8Array> {
  return (font ??= load());
}

async function load(): Promise<Uint8Array> {
  const root = process.env.LAMBDA_TASK_ROOT;
  const path = [root ? resolve(root, 'fonts', NAME) : '', resolve('assets/fonts', NAME)].find((p) => p && existsSync(p));
  if (!path) throw new Error(`${NAME} not found beside the bundle or in assets/fonts`);
  return new Uint8Array(await readFile(path));
}
