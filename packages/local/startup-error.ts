/**
 * A start-up failure a user can act on: `npm start` prints its message as one line and exits ≠ 0,
 * without a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** `what` names the setting that chose the port (PORT, DYNAMODB_PORT, …) or the server that wanted it. */
export function portInUse(port: number, what: string): StartupError {
  return new StartupError(`端口 ${port} 已被占用（${what}）/ Port ${port} (${what}) is already in use: stop whatever holds it or choose another port`);
}

export const isAddressInUse = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
