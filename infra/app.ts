import { App } from 'aws-cdk-lib';
import { buildContactCounts } from './build.js';

/**
 * The CDK app. Settings come from CDK context (cdk.json, or -c name=value): see infra/config.ts
 * and the README's "Operations" section. The region is eu-west-2 unless -c region=… says otherwise.
 */
const app = new App();
const { stack } = buildContactCounts(app);
process.stderr.write(`Contact Counts: stack ${stack.stackName} in region ${stack.region} (set with -c region=…)\n`);
app.synth();
