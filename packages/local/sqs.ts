import { startFauxqs } from 'fauxqs';
import { isAddressInUse, portInUse } from './startup-error';

export interface LocalSqs {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * fauxqs keeps messages in memory only; DynamoDB plus the reconciler make that safe. It runs in
 * this process, so a successful bind means the server on the port is ours.
 */
export async function startLocalSqs(opts: { port?: number; portSetting?: string } = {}): Promise<LocalSqs> {
  const port = opts.port ?? 0;
  const server = await startFauxqs({ port, logger: false, host: 'localhost' }).catch((err: unknown) => {
    throw isAddressInUse(err) ? portInUse(port, opts.portSetting ?? 'SQS') : err;
  });
  return {
    endpoint: `http://127.0.0.1:${server.port}`,
    stop: () => server.stop(),
  };
}
