/**
 * Builds the console's browser code (client/pages/<name>.ts, one entry per PAGE_SCRIPTS name) into
 * hashed static files plus manifest.json. Run by `npm start` (with watch), the test suite's global
 * set-up, the cold-start benchmark and the deploy (infra/api.ts copies the directory into the
 * console function). Never imported by the Lambda code: it needs esbuild.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, context, type BuildOptions, type BuildResult, type Metafile } from 'esbuild';
import { LOCAL_ASSET_DIR, MANIFEST, type AssetManifest } from './asset-manifest';
import { PAGE_SCRIPTS, type PageScript } from './shared/scripts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const FAVICON = join(HERE, 'client', 'favicon.svg');
// esbuild names outputs under an outdir even when it does not write them; paths are made relative
// to it and the files written to the real outdir by writeOutputs.
const VIRTUAL_OUT = join(ROOT, '.esbuild-virtual-out');

function options(): BuildOptions {
  return {
    absWorkingDir: ROOT,
    outdir: VIRTUAL_OUT,
    entryPoints: Object.fromEntries(PAGE_SCRIPTS.map((name) => [name, join(HERE, 'client', 'pages', `${name}.ts`)])),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari15.4'],
    minify: true,
    sourcemap: false,
    charset: 'utf8',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  };
}

/** Written beside the target and renamed into place: a running server never reads a partial file. */
function writeAtomically(target: string, contents: Uint8Array | string): void {
  const part = `${target}.${process.pid}.tmp`;
  writeFileSync(part, contents);
  renameSync(part, target);
}

/** Names are content hashes, so an existing file already holds these bytes and is left alone. */
function writeOutputs(outdir: string, result: BuildResult<{ metafile: true; write: false }>): AssetManifest {
  mkdirSync(join(outdir, 'chunks'), { recursive: true });
  for (const f of result.outputFiles) {
    const target = join(outdir, relative(VIRTUAL_OUT, f.path));
    if (!existsSync(target)) writeAtomically(target, f.contents);
  }
  const icon = readFileSync(FAVICON);
  const iconName = `favicon-${createHash('sha256').update(icon).digest('hex').slice(0, 8)}.svg`;
  if (!existsSync(join(outdir, iconName))) writeAtomically(join(outdir, iconName), icon);
  const manifest = manifestOf(result.metafile, iconName);
  writeAtomically(join(outdir, MANIFEST), JSON.stringify(manifest, null, 2));
  return manifest;
}

function manifestOf(meta: Metafile, favicon: string): AssetManifest {
  const url = (out: string) => `/assets/${relative(VIRTUAL_OUT, resolve(ROOT, out)).split('\\').join('/')}`;
  const scripts: AssetManifest['scripts'] = {};
  const sizes: Record<string, number> = {};
  for (const [out, o] of Object.entries(meta.outputs)) {
    sizes[url(out)] = o.bytes;
    if (!o.entryPoint) continue;
    const name = basename(o.entryPoint, '.ts') as PageScript;
    // Chunks the entry imports statically: preloaded so the browser fetches them in parallel.
    const preload = o.imports.filter((i) => i.kind === 'import-statement').map((i) => url(i.path));
    scripts[name] = { src: url(out), preload };
  }
  return { scripts, favicon: `/assets/${favicon}`, sizes };
}

export interface BuildAssetsOptions {
  /** Defaults to the directory the local server reads (.build/console-assets). */
  outdir?: string;
  /** Empty outdir first (the deploy: only the current files get shipped). */
  clean?: boolean;
  /** Rebuild on every change of the browser code (npm start). */
  watch?: boolean;
  log?: (line: string) => void;
}

export interface BuiltAssets {
  manifest: AssetManifest;
  /** Every source file in the browser bundles (repo-relative), to check what the browser gets. */
  inputs: string[];
  stop(): Promise<void>;
}

export async function buildConsoleAssets(opts: BuildAssetsOptions = {}): Promise<BuiltAssets> {
  const outdir = opts.outdir ?? LOCAL_ASSET_DIR;
  if (opts.clean) rmSync(outdir, { recursive: true, force: true });
  const base = options();
  if (!opts.watch) {
    const result = await build({ ...base, write: false, metafile: true });
    return { manifest: writeOutputs(outdir, result), inputs: Object.keys(result.metafile.inputs), stop: async () => undefined };
  }
  let manifest: AssetManifest | undefined;
  let inputs: string[] = [];
  let first: (m: AssetManifest) => void = () => undefined;
  let failed: (e: Error) => void = () => undefined;
  const ready = new Promise<AssetManifest>((ok, no) => ((first = ok), (failed = no)));
  const ctx = await context({
    ...base,
    write: false,
    metafile: true,
    plugins: [
      {
        name: 'write-hashed',
        setup(b) {
          b.onEnd((result) => {
            if (result.errors.length) {
              const what = result.errors.map((e) => `${e.location?.file ?? ''}:${e.location?.line ?? ''} ${e.text}`).join('; ');
              if (!manifest) failed(new Error(`console assets do not build: ${what}`));
              else opts.log?.(`console assets: ${what}; keeping the last good build`);
              return;
            }
            const isFirst = !manifest;
            manifest = writeOutputs(outdir, result as BuildResult<{ metafile: true; write: false }>);
            inputs = Object.keys(result.metafile?.inputs ?? {});
            if (isFirst) first(manifest);
            else opts.log?.('console assets rebuilt');
          });
        },
      },
    ],
  });
  // watch() starts with a full build; onEnd above resolves `ready` when it is written.
  await ctx.watch();
  try {
    return { manifest: await ready, inputs, stop: () => ctx.dispose() };
  } catch (err) {
    await ctx.dispose();
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { manifest } = await buildConsoleAssets({ outdir: process.argv[2] });
  for (const [file, bytes] of Object.entries(manifest.sizes)) console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KiB  ${file}`);
}
