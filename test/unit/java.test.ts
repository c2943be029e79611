import { describe, expect, it } from 'vitest';
import { JAVA_HELP, javaProblem } from '../../src/local/java.js';

describe('the Java check before DynamoDB Local starts', () => {
  it('says in one line how to install Java when there is none', () => {
    const problem = javaProblem('no-such-java-on-this-machine');
    expect(problem).toBe(JAVA_HELP);
    expect(problem).not.toContain('\n');
    expect(problem).toMatch(/apt-get install -y openjdk-17-jdk-headless/);
  });
});
