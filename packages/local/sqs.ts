import { startFauxqs } from 'fauxqs';

export interface LocalSqs {
  endpoint: string;
  stop(): Promise<void>;
}

/** fauxqs keeps messages in memory only; DynamoDB plus the reconciler make that safe. */
export async function startLocalSqs(opts: { port?: number } = {}): Promise<LocalSqs> {
  const server = await startFauxqs({ port: opts.port ?? 0, logger: false, host: 'localhost' });
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    stop: () => server.stop(),
  };
}
