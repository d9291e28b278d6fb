import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsoleAssets, type BuiltAssets } from '../../functions/console/build-assets';
import { PAGE_SCRIPTS } from '../../functions/console/shared/scripts';

const out = mkdtempSync(join(tmpdir(), 'console-assets-'));
let built: BuiltAssets;

beforeAll(async () => {
  built = await buildConsoleAssets({ outdir: out });
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('console browser assets', () => {
  it('every page module under client/pages is a listed entry, and every entry is built', () => {
    const modules = readdirSync(join(__dirname, '../../functions/console/client/pages')).map((f) => basename(f, '.ts'));
    expect(modules.sort()).toEqual([...PAGE_SCRIPTS].sort());
    for (const name of PAGE_SCRIPTS) expect(built.manifest.scripts[name]?.src, name).toMatch(new RegExp(`^/assets/${name}-[A-Z0-9]{8}\\.js$`));
  });

  it('carries no server code: no zod, hono, AWS SDK or Node built-ins', () => {
    const server = built.inputs.filter((f) => /node_modules\/(zod|hono|@hono|@aws-sdk|@smithy|@aws-lambda-powertools)\//.test(f) || f.startsWith('node:'));
    expect(server).toEqual([]);
    // What the browser gets from the repo: its own code, the shared labels, nav, taxonomy terms and
    // the lead steps the API allows, the evidence kinds it accepts (pure data the server enforces with)
    // and the 奖补 rule put in words (the pure module the server checks the rule with).
    const repo = built.inputs.filter((f) => !f.includes('node_modules/'));
    expect(repo.filter((f) => !/^functions\/console\/(client|shared)\//.test(f)).sort()).toEqual(['packages/core/evidence-kinds.ts', 'packages/core/labels.ts', 'packages/core/lead-flow.ts', 'packages/core/support/eligibility.ts', 'packages/core/terms.ts']);
  });

  it('the same sources build to the same file names (names are content hashes)', async () => {
    const again = await buildConsoleAssets({ outdir: out });
    expect(again.manifest.scripts).toEqual(built.manifest.scripts);
  });
});
