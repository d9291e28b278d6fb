// esbuild plugins for every Lambda bundle: SST reads this file through `nodejs.plugins`
// (infra/defaults.ts) and bench/cold-start.ts bundles with the same list, so what is measured is
// what deploys.

/**
 * zod re-exports all of its ~40 message locales as `z.locales`; because the code uses the `z`
 * namespace, esbuild cannot drop them, which costs ~250 KiB in every bundle. The service only
 * speaks through its own zh/en messages (and zod's default English), so `locales` is English alone.
 */
const zodEnglishOnly = {
  name: 'zod-locales-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => {
      if (!/[\\/]zod[\\/]v4[\\/]/.test(args.importer)) return undefined;
      return { path: args.importer, namespace: 'zod-locales' };
    });
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: args.path.replace(/[\\/][^\\/]+$/, ''),
      loader: 'js',
    }));
  },
};

export default [zodEnglishOnly];
