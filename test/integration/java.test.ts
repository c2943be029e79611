import { describe, expect, it } from 'vitest';
import { javaProblem } from '../../src/local/java.js';

// Here rather than in unit/: the unit tests run without Java (`npm run test:unit`).
describe('the Java check before DynamoDB Local starts', () => {
  it('is content with the Java on this machine (the integration tests need it)', () => {
    expect(javaProblem()).toBeUndefined();
  });
});
