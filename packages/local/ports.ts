import { readdir, readFile, readlink } from 'node:fs/promises';
import { createServer } from 'node:net';

/** Asks the OS for a free loopback port (for servers that cannot bind port 0 themselves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Whether the process `pid` holds the listening TCP socket on `port`, read from Linux's /proc
 * (the socket's inode in /proc/net/tcp{,6} against the process's open descriptors). A server that
 * answers on a port is not necessarily the one we spawned there: if the port was taken, our child
 * fails to bind and a stranger answers in its place. `undefined` where /proc is not available.
 */
export async function holdsListeningPort(pid: number, port: number): Promise<boolean | undefined> {
  const tables = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map((f) => readFile(f, 'utf8').catch(() => '')));
  if (tables.every((t) => !t)) return undefined;
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const line of tables.join('\n').split('\n')) {
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …; st 0A is LISTEN
    const f = line.trim().split(/\s+/);
    if (f[3] === '0A' && f[1]?.endsWith(suffix) && f[9]) inodes.add(`socket:[${f[9]}]`);
  }
  if (inodes.size === 0) return false;
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  for (const fd of fds) {
    if (inodes.has(await readlink(`/proc/${pid}/fd/${fd}`).catch(() => ''))) return true;
  }
  return false;
}
