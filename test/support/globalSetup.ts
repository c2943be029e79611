import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../src/local/dynamoDbLocal.js';

/**
 * One in-memory DynamoDB Local for the whole test run, started here and stopped in teardown (and,
 * should the runner be killed, by the launcher's watchdog). Each test file makes its own table.
 */
let running: RunningDynamoDbLocal | undefined;

export default async function setup(project: TestProject) {
  running = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', running.endpoint);
  return async () => {
    await running?.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
