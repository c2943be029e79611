import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** A secret's value from Secrets Manager, read once per execution environment (a failed read is tried again). */
const cache = new Map<string, Promise<string>>();

export function secretValue(arn: string): Promise<string> {
  let value = cache.get(arn);
  if (!value) {
    value = (async () => {
      const client = new SecretsManagerClient({});
      try {
        const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
        if (!out.SecretString) throw new Error('a notifications secret is empty');
        return out.SecretString.trim();
      } finally {
        client.destroy();
      }
    })();
    value.catch(() => cache.delete(arn));
    cache.set(arn, value);
  }
  return value;
}
