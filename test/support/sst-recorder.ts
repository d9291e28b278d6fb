/**
 * Recording stand-ins for SST's globals (`sst`, `aws`, `$app`, `$transform`…), so sst.config.ts and
 * infra/* can be evaluated offline and what they declare inspected. Each evaluation gets its own
 * recording; the caller resets the module registry between evaluations (vi.resetModules), since
 * infra files declare their resources when first imported.
 */

export interface Recorded {
  kind: string;
  name: string;
  args: any;
  opts: unknown;
  subscriptions: { subscriber: unknown; args: any; result: any }[];
  routes: { pattern: string; target: unknown }[];
  instance: any;
}

export interface Recording {
  resources: Recorded[];
  /** `before`: how many resources existed when the transform was registered (it applies only to later ones). */
  transforms: { component: any; cb: (args: any, opts: any, name: string) => void; before: number }[];
  of(kind: string): Recorded[];
}

/** A component name → a (cached) recording class; any depth (`aws.cloudwatch.MetricAlarm`). */
function namespace(rec: Recording, prefix: string, partition: string): any {
  const cache = new Map<string, unknown>();
  return new Proxy(function () {}, {
    get(_t, key) {
      if (typeof key !== 'string') return undefined;
      if (!cache.has(key)) cache.set(key, component(rec, `${prefix}.${key}`, partition));
      return cache.get(key);
    },
  });
}

function component(rec: Recording, kind: string, partition: string): any {
  class Fake {
    static readonly kind = kind;
    readonly arn: string;
    readonly url: string;
    readonly name: string;
    readonly value: string;
    readonly nodes: any;
    readonly rec: Recorded;
    constructor(name: string, args?: unknown, opts?: unknown) {
      this.arn = `arn:${partition}:fake:${kind}:${name}`;
      this.url = `https://fake.invalid/${kind}/${name}`;
      this.name = `fake-${name}`;
      this.value = `fake-value-${name}`;
      this.nodes = { api: { id: `fake-api-${name}` } };
      this.rec = { kind, name, args, opts, subscriptions: [], routes: [], instance: this };
      rec.resources.push(this.rec);
    }
    subscribe(subscriber: unknown, args?: unknown) {
      // A subscription's function, as SST exposes it (QueueLambdaSubscriber.nodes.function).
      const result = { nodes: { function: { name: `fake-subscriber-${this.rec.name}`, arn: `arn:${partition}:fake:subscriber:${this.rec.name}` } } };
      this.rec.subscriptions.push({ subscriber, args, result });
      return result;
    }
    route(pattern: string, target: unknown) {
      this.rec.routes.push({ pattern, target });
    }
  }
  // Namespaces below a component name (`aws.cloudwatch` is used as `aws.cloudwatch.MetricAlarm`).
  const below = new Map<string, unknown>();
  return new Proxy(Fake, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^[A-Z]/.test(key) && !(key in target)) {
        if (!below.has(key)) below.set(key, component(rec, `${kind}.${key}`, partition));
        return below.get(key);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

/** Installs the stand-ins on globalThis; returns the recording and a function restoring the globals. */
export function installSstRecorder(o: { stage?: string; partition: string }): { recording: Recording; restore: () => void } {
  const recording: Recording = { resources: [], transforms: [], of: (kind) => recording.resources.filter((r) => r.kind === kind) };
  const globals: Record<string, unknown> = {
    $config: (config: unknown) => config,
    $app: { name: 'gongfu-qingdao', stage: o.stage ?? 'contract-test' },
    $dev: false,
    $interpolate: (literals: TemplateStringsArray, ...values: unknown[]) => String.raw(literals, ...values),
    $resolve: (value: unknown) => value,
    $jsonStringify: (value: unknown) => JSON.stringify(value),
    $transform: (component: unknown, cb: any) => recording.transforms.push({ component, cb, before: recording.resources.length }),
    sst: namespace(recording, 'sst', o.partition),
    aws: namespace(recording, 'aws', o.partition),
  };
  const g = globalThis as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const [key, value] of Object.entries(globals)) {
    saved.set(key, Object.getOwnPropertyDescriptor(g, key));
    Object.defineProperty(g, key, { value, configurable: true, writable: true });
  }
  return {
    recording,
    restore() {
      for (const [key, desc] of saved) {
        if (desc) Object.defineProperty(g, key, desc);
        else delete g[key];
      }
    },
  };
}
