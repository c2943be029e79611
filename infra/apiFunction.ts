import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/**
 * The project's Lambda function defaults in one place: Node.js 24 (the latest Lambda Node runtime) on arm64, bundled locally by
 * esbuild (minified, with source maps, ESM), explicit memory and timeout, its own log group.
 */
export interface ApiFunctionProps extends Pick<NodejsFunctionProps, 'entry' | 'environment' | 'description'> {
  logGroup: ILogGroup;
  memorySize?: number;
  timeout?: Duration;
  /** Concurrent executions reserved for this function, which are also the most it may run. */
  reservedConcurrentExecutions?: number;
}

export class ApiFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id, {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      logGroup: props.logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        minify: true,
        sourceMap: true,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        externalModules: [],
        // compromise (the redactor's name finder) is not bundled: it is required the first time a
        // name is looked for (src/redaction/names.ts), so its self-contained CommonJS build ships
        // beside the bundle and no cold start loads it unless the request needs it (issue 12).
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => shipBesideBundle(inputDir, outputDir),
        },
      },
    });
  }
}

/** What is required at run time from beside the bundle rather than bundled: package.json (for its exports) and the one build used. */
export const SHIPPED_BESIDE_BUNDLE = ['compromise/package.json', 'compromise/builds/three/compromise-three.cjs'] as const;

/** Shell commands copying SHIPPED_BESIDE_BUNDLE into the asset's node_modules. */
export function shipBesideBundle(inputDir: string, outputDir: string): string[] {
  return SHIPPED_BESIDE_BUNDLE.map((file) => {
    const target = `${outputDir}/node_modules/${file}`;
    return `mkdir -p "${target.slice(0, target.lastIndexOf('/'))}" && cp "${inputDir}/node_modules/${file}" "${target}"`;
  });
}
