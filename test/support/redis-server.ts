// A redis-server of its own on a free port (Debian's package), for the tests and the cluster benchmark: stopping or
// killing it harms nothing else on the machine. No test-runner imports, so the benchmark can use it too.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../server/net/free-port.ts';

export const redisServerPath = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
})();

export function waitForOutput(child: ChildProcess, marker: string | RegExp, what: string, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (typeof marker === 'string' ? output.includes(marker) : marker.test(output)) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(output);
      }
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${output}`));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

export interface RedisServer {
  url: string;
  port: number;
  /** SIGKILL: gone at once, nothing flushed. */
  kill(): Promise<void>;
  /** Starts again on the same port (empty: it keeps nothing on disk). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  if (!redisServerPath) throw new Error('redis-server is not installed');
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(redisServerPath, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await waitForOutput(child, 'Ready to accept connections', 'redis-server', 15_000);
    child.stdout!.resume();
    child.stderr!.resume();
  };
  const signal = async (name: NodeJS.Signals) => {
    const running = child;
    child = null;
    if (!running) return;
    running.kill(name);
    await exited(running);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
