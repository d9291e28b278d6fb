import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { isAddressInUse, portInUse } from './startup-error';

type FetchHandler = Parameters<typeof getRequestListener>[0];

/**
 * The local HTTP server on 127.0.0.1:`port` (0 for a free one). Resolves once it listens; a taken
 * port rejects with a StartupError naming the setting.
 */
export function listenHttp(fetch: FetchHandler, port: number, portSetting = 'PORT'): Promise<Server> {
  const listener = getRequestListener(fetch);
  const server = createServer((req, res) => {
    drainAfterEarlyResponse(req, res);
    return listener(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err) => reject(isAddressInUse(err) ? portInUse(port, portSetting) : err));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * A keep-alive connection survives a response sent before the request body was read (a 413 from
 * the body limit, a 401 ahead of a large body) only if the rest of that body is read off the socket.
 * @hono/node-server resumes the request after responding, but the web stream it wraps around the
 * request, created as soon as anything touches `c.req.raw.body` (hono's bodyLimit does, on every
 * request), pauses it again on each chunk it cannot hand on; past ~128 KB nothing flows, and after
 * 500 ms node-server closes the socket under the client's next request. Detaching that stream's
 * listener lets the remainder drain to nowhere and the connection stay usable.
 */
function drainAfterEarlyResponse(req: IncomingMessage, res: ServerResponse) {
  res.once('finish', () => {
    if (req.complete) return;
    req.removeAllListeners('data');
    req.resume();
  });
}

export function closeHttp(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
