/**
 * How messages leave, chosen by the environment (README, Notifications):
 * - NOTIFY_API_KEY_SECRET_ARN (deployed: the key is read from Secrets Manager on first use) or
 *   NOTIFY_API_KEY (tests, against a fake Notify at NOTIFY_BASE_URL): GOV.UK Notify, with the two
 *   plain templates NOTIFY_EMAIL_TEMPLATE_ID and NOTIFY_LETTER_TEMPLATE_ID;
 * - OUTBOX_DIR (npm start sets .local/outbox): each message written to a file there;
 * - neither: no delivery; messages wait in the outbox, PENDING.
 * Notify's delivery-status callbacks must carry the bearer token NOTIFY_CALLBACK_TOKEN (or the
 * secret NOTIFY_CALLBACK_TOKEN_SECRET_ARN). STAFF_EMAIL_DOMAIN turns a handler's user name into
 * the address their digest goes to; DIGEST_HORIZON_DAYS is how far ahead "due soon" looks.
 */
export interface NotificationSettings {
  delivery: 'NOTIFY' | 'FILES' | 'OFF';
  outboxDir?: string;
  notify?: { apiKey?: string; apiKeySecretArn?: string; baseUrl?: string; emailTemplateId: string; letterTemplateId: string };
  callbackToken?: { value?: string; secretArn?: string };
  staffEmailDomain: string;
  digestHorizonDays: number;
}

type Env = Record<string, string | undefined>;

export function notificationSettings(env: Env): NotificationSettings {
  const notifyKey = env.NOTIFY_API_KEY || env.NOTIFY_API_KEY_SECRET_ARN;
  const delivery = notifyKey ? 'NOTIFY' : env.OUTBOX_DIR ? 'FILES' : 'OFF';
  const horizon = Number(env.DIGEST_HORIZON_DAYS ?? '3');
  if (!Number.isInteger(horizon) || horizon < 1) throw new Error('DIGEST_HORIZON_DAYS must be a positive whole number');
  return {
    delivery,
    outboxDir: env.OUTBOX_DIR,
    ...(notifyKey && {
      notify: {
        apiKey: env.NOTIFY_API_KEY,
        apiKeySecretArn: env.NOTIFY_API_KEY_SECRET_ARN,
        baseUrl: env.NOTIFY_BASE_URL,
        emailTemplateId: required(env, 'NOTIFY_EMAIL_TEMPLATE_ID'),
        letterTemplateId: required(env, 'NOTIFY_LETTER_TEMPLATE_ID'),
      },
    }),
    ...((env.NOTIFY_CALLBACK_TOKEN || env.NOTIFY_CALLBACK_TOKEN_SECRET_ARN) && {
      callbackToken: { value: env.NOTIFY_CALLBACK_TOKEN, secretArn: env.NOTIFY_CALLBACK_TOKEN_SECRET_ARN },
    }),
    staffEmailDomain: env.STAFF_EMAIL_DOMAIN ?? 'west-midlands.police.uk',
    digestHorizonDays: horizon,
  };
}

function required(env: Env, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is required when Notify is used`);
  return value;
}
