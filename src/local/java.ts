import { spawnSync } from 'node:child_process';

export const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer: install it (Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless; macOS: brew install openjdk@17) and run the command again.';

/** The installed Java's major version, or undefined when there is no java on the PATH. */
export function javaMajorVersion(command = 'java'): number | undefined {
  const out = spawnSync(command, ['-version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) return undefined;
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!m) return undefined;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

/** undefined when Java is good enough; otherwise the one line that says what to do. */
export function javaProblem(command = 'java'): string | undefined {
  const major = javaMajorVersion(command);
  if (major === undefined) return JAVA_HELP;
  if (major < 17) return `Java ${major} is installed. ${JAVA_HELP}`;
  return undefined;
}
