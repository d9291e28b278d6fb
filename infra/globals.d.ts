/**
 * Loose stand-ins for the globals SST injects while it evaluates sst.config.ts and infra/*.
 *
 * The real, precise types live in `.sst/platform/config.d.ts`, which `sst install` generates
 * (tsconfig.json already includes that path). It is git-ignored, so CI and fresh clones typecheck
 * against these declarations instead. Once `.sst/` exists locally, tsc reports duplicate
 * declarations for these names: delete this file locally or run `rm -rf .sst/platform` before
 * `npm run typecheck` (the deployment itself never reads .d.ts files).
 */
declare const sst: any;
declare const aws: any;
declare const $app: { readonly name: string; readonly stage: string };
declare const $dev: boolean;
declare function $config<T>(config: T): T;
declare function $interpolate(literals: TemplateStringsArray, ...placeholders: unknown[]): any;
declare function $resolve(value: unknown): any;
declare function $jsonStringify(value: unknown): any;
declare function $transform(component: unknown, cb: (args: any, opts: any, name: string) => void): void;
