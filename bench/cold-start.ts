import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { QUEUES } from '#queue/queues';
import { envNumber, fmt, median, printTable } from './util';
import { FUNCTION_DEFAULTS } from '../infra/defaults';
import bundlePlugins from '../infra/bundle-plugins.mjs';
import { BUNDLED_ASSET_DIR } from '../functions/console/asset-manifest';
import { buildConsoleAssets } from '../functions/console/build-assets';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The esbuild target SST 4 builds each Lambda runtime's bundles for (its pkg/runtime/node/build.go). */
const ESBUILD_TARGET: Record<typeof FUNCTION_DEFAULTS.runtime, string> = { 'nodejs24.x': 'es2024' };

/** Native modules: a .node binary (and jieba's dictionaries) cannot go into a JS bundle. */
// What deploys beside the bundle instead of inside it is infra's choice (nodejs.install); the
// benchmark bundles exactly as infra does. The two ANN libraries are bench-only natives.
export const NATIVE_EXTERNALS = [...FUNCTION_DEFAULTS.nodejs.install, 'hnswlib-node', 'usearch'];

export const FUNCTIONS = ['api', 'console', 'auth', 'assess', 'embed', 'match', 'pairing', 'roadshow', 'reconcile'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

const BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";
const MAX_BUNDLE_BYTES = 1024 * 1024;
const MAX_INIT_MS = 150;

function dirBytes(path: string): number {
  let total = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, e.name);
    if (e.isDirectory()) total += dirBytes(p);
    else if (e.isFile()) total += statSync(p).size;
  }
  return total;
}

/** The on-disk size of a native package and its platform binary package(s): what a layer ships. */
function layerBytes(pkg: string): { bytes: number; packages: string[] } {
  const scope = pkg.startsWith('@') ? pkg.split('/')[0]! : '';
  const base = pkg.startsWith('@') ? pkg.split('/')[1]! : pkg;
  const dir = join(ROOT, 'node_modules', scope);
  const names = readdirSync(dir).filter((n) => (scope ? n === base || n.startsWith(`${base}-`) : n === base));
  return {
    bytes: names.reduce((s, n) => s + dirBytes(join(dir, n)), 0),
    packages: names.map((n) => (scope ? `${scope}/${n}` : n)),
  };
}

/** Input path → package name (or the repo folder for our own code). */
function owner(input: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? m[1]! : input.split('/').slice(0, 2).join('/');
}

function topInputs(meta: Metafile, out: string, entry: string, n = 10) {
  const inputs = meta.outputs[out]?.inputs ?? {};
  const byFile = Object.entries(inputs)
    .map(([file, v]) => ({ file, bytes: v.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  const byPkg = new Map<string, number>();
  for (const f of byFile) byPkg.set(owner(f.file), (byPkg.get(owner(f.file)) ?? 0) + f.bytes);
  return {
    files: byFile.slice(0, n),
    packages: [...byPkg]
      .map(([pkg, bytes]) => ({ pkg, bytes, chain: importChain(meta, entry, pkg) }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, n),
  };
}

/** Why a package is in the bundle: the shortest import path from the entry, as repo files. */
function importChain(meta: Metafile, entry: string, pkg: string): string[] | null {
  if (!/node_modules/.test(Object.keys(meta.inputs).find((f) => owner(f) === pkg) ?? '')) return null;
  const prev = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const f = queue.shift()!;
    if (owner(f) === pkg) {
      const chain: string[] = [];
      for (let c: string | null = f; c !== null; c = prev.get(c) ?? null) chain.push(c);
      // The package itself, then the repo files that pulled it in.
      return [pkg, ...chain.filter((c) => !c.includes('node_modules/'))];
    }
    for (const imp of meta.inputs[f]?.imports ?? []) {
      if (imp.external || prev.has(imp.path)) continue;
      prev.set(imp.path, f);
      queue.push(imp.path);
    }
  }
  return null;
}

/** Which repo files make a function need a native external (the import path from the entry). */
function externalChain(meta: Metafile, entry: string, pkg: string): string[] | null {
  const prev = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const f = queue.shift()!;
    const imports = meta.inputs[f]?.imports ?? [];
    if (imports.some((i) => i.external && (i.path === pkg || i.path.startsWith(`${pkg}/`)))) {
      const chain: string[] = [];
      for (let c: string | null = f; c !== null; c = prev.get(c) ?? null) chain.push(c);
      return chain.filter((c) => !c.includes('node_modules/'));
    }
    for (const imp of imports) {
      if (imp.external || prev.has(imp.path)) continue;
      prev.set(imp.path, f);
      queue.push(imp.path);
    }
  }
  return null;
}

/** Environment of a Lambda as SST deploys it, pointing at nothing reachable: init must not need AWS. */
function lambdaEnv(): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_EC2_METADATA_DISABLED: 'true',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    SQS_ENDPOINT: 'http://127.0.0.1:9',
    STAGE: 'bench',
    LOG_LEVEL: 'ERROR',
    SST_RESOURCE_Table: JSON.stringify({ name: 'bench-table' }),
    SST_RESOURCE_Evidence: JSON.stringify({ name: 'bench-evidence' }),
    SST_RESOURCE_AuthSecret: JSON.stringify({ value: 'bench-secret-0123456789abcdef' }),
    SST_RESOURCE_OpenAIApiKey: JSON.stringify({ value: '' }),
  };
  for (const q of Object.values(QUEUES)) env[`SST_RESOURCE_${q.resource}`] = JSON.stringify({ url: `http://127.0.0.1:9/000000000000/${q.resource}` });
  return env;
}

const FUNCTION_URL_EVENT = {
  version: '2.0',
  routeKey: '$default',
  rawPath: '/v1/taxonomy',
  rawQueryString: '',
  headers: { host: 'bench.lambda-url.us-east-1.on.aws', 'user-agent': 'bench' },
  requestContext: {
    accountId: 'anonymous',
    apiId: 'bench',
    domainName: 'bench.lambda-url.us-east-1.on.aws',
    domainPrefix: 'bench',
    http: { method: 'GET', path: '/v1/taxonomy', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    requestId: 'bench',
    routeKey: '$default',
    stage: '$default',
    time: '01/Jan/2026:00:00:00 +0000',
    timeEpoch: 0,
  },
  isBase64Encoded: false,
};

/**
 * One fresh Node process: import the bundle (module init), then, where it needs no AWS, the first
 * invocation (deps are built lazily on it): the api serves GET /v1/taxonomy, a queue consumer gets
 * an empty batch. The reconciler's first run scans DynamoDB and the sign-in server's first request
 * reads its keys from DynamoDB, so both are import-only.
 */
function childScript(file: string, fn: FunctionName): string {
  const event =
    fn === 'api'
      ? JSON.stringify(FUNCTION_URL_EVENT)
      : fn === 'console'
        ? JSON.stringify(FUNCTION_URL_EVENT).replaceAll('/v1/taxonomy', '/')
        : fn === 'reconcile' || fn === 'auth'
          ? 'null'
          : '{"Records":[]}';
  return `
const t0 = performance.now();
const m = await import(${JSON.stringify(pathToFileURL(file).href)});
const importMs = performance.now() - t0;
let firstMs = null, status = null;
const event = ${event};
if (event) {
  const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 30000 };
  const t1 = performance.now();
  const res = await m.handler(event, context);
  firstMs = performance.now() - t1;
  status = res && typeof res === 'object' ? (res.statusCode ?? (Array.isArray(res.batchItemFailures) ? 'batch ok' : 'ok')) : 'ok';
}
process.stdout.write('\\nBENCH ' + JSON.stringify({ importMs, firstMs, status }) + '\\n');
process.exit(0);
`;
}

function runChild(script: string, cwd: string): Promise<{ importMs: number; firstMs: number | null; status: unknown; wallMs: number }> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd, env: lambdaEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) return reject(new Error(`child exited ${code}: ${(err || out).slice(-1500)}`));
      resolvePromise({ ...JSON.parse(line.slice(6)), wallMs });
    });
  });
}

export interface ColdStartRow {
  fn: FunctionName;
  entry: string;
  bundleKiB: number;
  gzipKiB: number;
  buildMs: number;
  externals: string[];
  /** Per native external: the import path that pulls it in. */
  externalVia: Record<string, string[] | null>;
  importMsMedian: number;
  importMsRuns: number[];
  firstInvokeMsMedian: number | null;
  firstInvokeStatus: unknown;
  processWallMsMedian: number;
  bundlePass: boolean;
  initPass: boolean;
  topInputs?: ReturnType<typeof topInputs>;
}

export async function benchColdStart(opts: { runs?: number; log?: (s: string) => void } = {}) {
  const runs = opts.runs ?? envNumber('BENCH_COLD_RUNS', 5, 3);
  const log = opts.log ?? (() => undefined);
  const { gzipSync } = await import('node:zlib');
  const { readFileSync } = await import('node:fs');
  // Bundles live outside the repo; a node_modules link lets the native externals resolve as they
  // would from a layer.
  const dir = mkdtempSync(join(tmpdir(), 'bench-cold-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const rows: ColdStartRow[] = [];
  let browserAssets: Record<string, number> = {};
  try {
    for (const fn of FUNCTIONS) {
      log(`cold-start: ${fn}`);
      const entry = `functions/${fn}/handler.ts`;
      const outDir = join(dir, fn);
      mkdirSync(outDir);
      const outfile = join(outDir, 'index.mjs');
      const t0 = performance.now();
      const result = await build({
        absWorkingDir: ROOT,
        entryPoints: [join(ROOT, entry)],
        outfile,
        bundle: true,
        platform: 'node',
        target: ESBUILD_TARGET[FUNCTION_DEFAULTS.runtime],
        format: 'esm',
        minify: true,
        treeShaking: true,
        // ESM entry points of the AWS SDK v3 and friends tree-shake; CJS mains do not.
        mainFields: ['module', 'main'],
        external: NATIVE_EXTERNALS.flatMap((p) => [p, `${p}/*`]),
        banner: { js: BANNER },
        metafile: true,
        legalComments: 'none',
        logLevel: 'silent',
        // The same plugins infra hands SST (FUNCTION_DEFAULTS.nodejs.plugins).
        plugins: bundlePlugins,
      });
      const buildMs = performance.now() - t0;
      const key = Object.keys(result.metafile.outputs).find((k) => k.endsWith('index.mjs'))!;
      const bytes = statSync(outfile).size;
      const gz = gzipSync(readFileSync(outfile)).length;
      const externals = [
        ...new Set(
          (result.metafile.outputs[key]?.imports ?? [])
            .filter((i) => i.external && !i.path.startsWith('node:') && NATIVE_EXTERNALS.some((p) => i.path === p || i.path.startsWith(`${p}/`)))
            .map((i) => NATIVE_EXTERNALS.find((p) => i.path === p || i.path.startsWith(`${p}/`))!),
        ),
      ];
      // As deployed: the console's page scripts are files beside its bundle (infra copyFiles), and
      // its first invocation renders a page that names them.
      if (fn === 'console') browserAssets = (await buildConsoleAssets({ outdir: join(outDir, BUNDLED_ASSET_DIR) })).manifest.sizes;
      const samples: Awaited<ReturnType<typeof runChild>>[] = [];
      for (let i = 0; i < runs; i++) samples.push(await runChild(childScript(outfile, fn), outDir));
      const importMs = samples.map((s) => s.importMs);
      const first = samples.map((s) => s.firstMs).filter((x): x is number => x !== null);
      rows.push({
        fn,
        entry,
        bundleKiB: bytes / 1024,
        gzipKiB: gz / 1024,
        buildMs,
        externals,
        externalVia: Object.fromEntries(externals.map((p) => [p, externalChain(result.metafile, entry, p)])),
        importMsMedian: median(importMs),
        importMsRuns: importMs,
        firstInvokeMsMedian: first.length ? median(first) : null,
        firstInvokeStatus: samples[0]?.status ?? null,
        processWallMsMedian: median(samples.map((s) => s.wallMs)),
        bundlePass: bytes <= MAX_BUNDLE_BYTES,
        initPass: median(importMs) <= MAX_INIT_MS,
        topInputs: topInputs(result.metafile, key, entry),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const layers = NATIVE_EXTERNALS.map((pkg) => ({ pkg, ...layerBytes(pkg), usedBy: rows.filter((r) => r.externals.includes(pkg)).map((r) => r.fn) }));
  return { runs, rows, layers, browserAssets, limits: { bundleBytes: MAX_BUNDLE_BYTES, initMs: MAX_INIT_MS } };
}

export function printColdStart(r: Awaited<ReturnType<typeof benchColdStart>>) {
  printTable(
    `2. 冷启动 Lambda cold start (esbuild ESM bundle, minified, AWS SDK v3 bundled; fresh node process, median of ${r.runs})`,
    ['function', 'bundle KiB', 'gzip KiB', 'import ms', 'first invoke ms', 'process ms', 'native externals', '≤1 MiB', '≤150 ms'],
    r.rows.map((x) => [
      x.fn,
      fmt(x.bundleKiB, 1),
      fmt(x.gzipKiB, 1),
      fmt(x.importMsMedian, 1),
      x.firstInvokeMsMedian === null ? 'n/a (scans DynamoDB)' : `${fmt(x.firstInvokeMsMedian, 1)} (${String(x.firstInvokeStatus)})`,
      fmt(x.processWallMsMedian, 0),
      x.externals.join(', ') || '—',
      x.bundlePass ? 'PASS' : 'FAIL',
      x.initPass ? 'PASS' : 'FAIL',
    ]),
    [
      'import ms = module init of the bundle; first invoke = builds deps lazily + api GET /v1/taxonomy / consumer empty batch (no AWS reached).',
      'process ms = whole `node` process (start-up + import + invoke + exit), what a cold Lambda pays before the runtime overhead.',
      ...r.layers
        .filter((l) => l.usedBy.length)
        .map((l) => {
          const via = r.rows.find((x) => x.externals.includes(l.pkg) && x.fn !== 'api' && x.fn !== 'embed' && x.fn !== 'match')?.externalVia[l.pkg];
          return `layer/external ${l.pkg}: ${fmt(l.bytes / 2 ** 20, 1)} MiB on disk (${l.packages.join(' + ')}), imported by ${l.usedBy.join(', ')}${via ? ` (e.g. via ${via.slice(0, 4).join(' ← ')})` : ''}`;
        }),
    ],
  );
  const kib = (b: number) => fmt(b / 1024, 1);
  const assets = Object.entries(r.browserAssets);
  const total = assets.reduce((s, [, b]) => s + b, 0);
  console.log(
    `  console browser assets (static files beside the console function, not in any bundle above): ${assets.length} files, ${kib(total)} KiB; ` +
      assets.sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, b]) => `${f.replace(/^\/assets\//, '')} ${kib(b)}`).join(', '),
  );
  const over = r.rows.filter((row) => !row.bundlePass || !row.initPass);
  if (over.length) console.log('  why (esbuild metafile, bytes in the minified output):');
  const short = (f: string) => f.replace(/^node_modules\//, '').replace(/\/node_modules\//g, '>');
  for (const x of over) {
    const files = (x.topInputs?.files ?? []).map((f) => `${short(f.file)} ${fmt(f.bytes / 1024, 1)}`).join(', ');
    const pkgs = (x.topInputs?.packages ?? []).map((p) => `${p.pkg} ${fmt(p.bytes / 1024, 0)}`).join(', ');
    console.log(`  · ${x.fn} ${fmt(x.bundleKiB, 0)} KiB${x.initPass ? '' : `, init ${fmt(x.importMsMedian, 0)} ms`}`);
    console.log(`      top 10 inputs (KiB): ${files}`);
    console.log(`      by package (KiB): ${pkgs}`);
    for (const p of (x.topInputs?.packages ?? []).filter((p) => p.chain && !EXPECTED.some((e) => e.test(p.pkg))).slice(0, 4))
      console.log(`      ${p.pkg} is pulled in by ${p.chain!.slice(1, 5).join(' ← ')}`);
  }
}

/** Packages every function is expected to carry (the SDK clients, zod, hono, the logger). */
const EXPECTED = [/^@aws-sdk\//, /^@smithy\//, /^@aws-lambda-powertools\//, /^hono$/, /^@hono\//, /^tslib$/, /^zod$/];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchColdStart({ log: (s) => console.error(s) });
  printColdStart(r);
}
