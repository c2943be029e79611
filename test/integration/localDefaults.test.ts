import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../src/local/dynamoDbLocal.js';

/** Safe local defaults: DynamoDB Local reachable from this machine only, sending nothing home. */
const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });

/** This machine's own addresses other than loopback. */
const ownAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && !a.internal && a.family === 'IPv4')
  .map((a) => a!.address);

describe('DynamoDB Local as the project starts it', () => {
  let dynamo: RunningDynamoDbLocal;
  beforeAll(async () => {
    dynamo = await startDynamoDbLocal();
  }, 90_000);
  afterAll(async () => {
    await dynamo?.stop();
  });

  it('listens on 127.0.0.1 only', async () => {
    const port = Number(new URL(dynamo.endpoint).port);
    expect(await reachable('127.0.0.1', port)).toBe(true);
    for (const address of ownAddresses) expect(await reachable(address, port), address).toBe(false);
  });

  it('writes no telemetry installation id into the working directory', () => {
    expect(existsSync(join(process.cwd(), 'dynamodb-local-metadata.json'))).toBe(false);
  });
});

describe('npm run token', () => {
  it('prints its help with --help', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/local/token.ts', '--help'], { encoding: 'utf8' });
    expect(stdout).toMatch(/--group/);
    expect(stdout).toMatch(/web-content/);
  });
});
