import { fileSender } from '../outbox/fileSender.js';
import { notifySender } from '../outbox/notifySender.js';
import type { MessageSender } from '../outbox/sender.js';
import { secretValue } from './secrets.js';
import type { NotificationSettings } from './settings.js';

/** The sender the settings choose, or none (delivery OFF). Notify's key is fetched on the first send. */
export function senderFor(settings: NotificationSettings): MessageSender | undefined {
  if (settings.delivery === 'FILES' && settings.outboxDir) return fileSender(settings.outboxDir);
  const notify = settings.notify;
  if (settings.delivery !== 'NOTIFY' || !notify) return undefined;
  let sender: Promise<MessageSender> | undefined;
  const ready = () =>
    (sender ??= (async () => {
      const apiKey = notify.apiKey ?? (await secretValue(notify.apiKeySecretArn!));
      return notifySender({ apiKey, emailTemplateId: notify.emailTemplateId, letterTemplateId: notify.letterTemplateId, baseUrl: notify.baseUrl });
    })().catch((error: unknown) => {
      sender = undefined;
      throw error;
    }));
  return { send: async (message) => (await ready()).send(message) };
}
