/**
 * Where the console's built browser assets live and what their manifest says. No esbuild here: the
 * console Lambda imports this to find the hashed file of each page script.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageScript } from './shared/scripts';

export const MANIFEST = 'manifest.json';

export interface AssetManifest {
  /** Entry name → its hashed URL and the shared chunks it imports. */
  scripts: Partial<Record<PageScript, { src: string; preload: string[] }>>;
  favicon: string;
  /** URL → bytes, for the record (`npm run build:console` prints it). */
  sizes: Record<string, number>;
}

/** The local build's output (npm start, tests); ignored by git. */
export const LOCAL_ASSET_DIR = fileURLToPath(new URL('../../.build/console-assets', import.meta.url));
/** Inside the console Lambda: infra copies the build to this folder beside the bundle. */
export const BUNDLED_ASSET_DIR = 'console-assets';

export function assetDir(): string {
  const bundled = join(process.cwd(), BUNDLED_ASSET_DIR);
  return existsSync(join(bundled, MANIFEST)) ? bundled : LOCAL_ASSET_DIR;
}

let cached: { dir: string; mtimeMs: number; manifest: AssetManifest } | undefined;

/** The current manifest; re-read when a rebuild (npm start's watch) replaced it. */
export function manifest(): AssetManifest {
  const dir = assetDir();
  const file = join(dir, MANIFEST);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    throw new Error(`console assets are not built (${file} missing): run \`npx tsx functions/console/build-assets.ts\``);
  }
  if (!cached || cached.dir !== dir || cached.mtimeMs !== mtimeMs) cached = { dir, mtimeMs, manifest: JSON.parse(readFileSync(file, 'utf8')) as AssetManifest };
  return cached.manifest;
}
