/**
 * The Node that runs the tests is the Node Lambda runs: `npm ci` installs it from the npm registry
 * (package.json optionalDependencies node-linux-*), and npm scripts find it first on PATH, whatever
 * the machine's own Node is.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FUNCTION_DEFAULTS } from '../../infra/defaults';

const ROOT = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};
const major = (version: string) => Number(/^v?(\d+)\./.exec(version)?.[1]);

describe('Node 24 everywhere', () => {
  it('the tests run on Node 24', () => {
    expect(major(process.versions.node)).toBe(24);
  });

  it('a child process started by name (`node` on PATH, as scripts and tools do) is Node 24 too', () => {
    expect(major(execFileSync('node', ['--version'], { encoding: 'utf8' }).trim())).toBe(24);
  });

  it('Lambda, engines and the installed Node binaries name the same major', () => {
    expect(FUNCTION_DEFAULTS.runtime).toBe('nodejs24.x');
    expect(pkg.engines.node).toMatch(/^24\./);
    const binaries = Object.entries(pkg.optionalDependencies).filter(([name]) => /^node-(bin-)?(linux|darwin|win)-/.test(name));
    expect(binaries.length).toBeGreaterThan(0);
    for (const [name, version] of binaries) expect(major(version), name).toBe(24);
  });

  it('the native addons load on it', async () => {
    const { Jieba } = await import('@node-rs/jieba');
    const { dict } = await import('@node-rs/jieba/dict.js');
    expect(Jieba.withDict(dict).cut('工业互联网平台')).toContain('平台');
    const { HierarchicalNSW } = (await import('hnswlib-node')).default;
    const index = new HierarchicalNSW('cosine', 3);
    index.initIndex(4);
    index.addPoint([1, 0, 0], 7);
    expect(index.searchKnn([1, 0, 0], 1).neighbors).toEqual([7]);
    // As bench/vector-search.ts loads it (its ESM entry does not load).
    const usearch = createRequire(import.meta.url)('usearch');
    const vectors = new usearch.Index({ dimensions: 3, metric: 'ip', quantization: 'f32', connectivity: 16 });
    vectors.add(new BigUint64Array([9n]), new Float32Array([0, 1, 0]), 0);
    expect(vectors.search(new Float32Array([0, 1, 0]), 1, 0).keys[0]).toBe(9n);
    const esbuild = await import('esbuild');
    expect((await esbuild.transform('const a: number = 1', { loader: 'ts' })).code.trim()).toBe('const a = 1;');
  });
});
