import { NotifyClient } from 'notifications-node-client';
import { MessageRejectedError, type MessageSender, type OutgoingMessage, type SentMessage } from './sender.js';

/**
 * Sends through GOV.UK Notify with its own client. Notify holds two plain templates, one email and
 * one letter, whose subject is ((subject)) and content ((body)): the wording is ours, in
 * src/correspondence/templates.ts, and reaches Notify only as personalisation. A letter adds
 * Notify's address_line_1..7 personalisation.
 */
export interface NotifySettings {
  apiKey: string;
  emailTemplateId: string;
  letterTemplateId: string;
  /** Notify's API by default; a loopback fake in tests. */
  baseUrl?: string;
}

interface NotifyError {
  response?: { status?: number; data?: { errors?: Array<{ error?: string }> } };
}

export function notifySender(settings: NotifySettings): MessageSender {
  const client = settings.baseUrl ? new NotifyClient(settings.baseUrl, settings.apiKey) : new NotifyClient(settings.apiKey);
  return {
    async send(message: OutgoingMessage): Promise<SentMessage> {
      const personalisation: Record<string, string> = { subject: message.rendered.subject, body: message.rendered.body };
      try {
        const response =
          message.recipient.channel === 'EMAIL'
            ? await client.sendEmail(settings.emailTemplateId, message.recipient.email, { personalisation, reference: message.providerReference })
            : await client.sendLetter(settings.letterTemplateId, {
                personalisation: { ...personalisation, ...Object.fromEntries(message.recipient.addressLines.map((line, i) => [`address_line_${i + 1}`, line])) },
                reference: message.providerReference,
              });
        return { providerId: (response.data as { id: string }).id };
      } catch (error) {
        const status = (error as NotifyError).response?.status;
        // 400: Notify refused this message (BadRequestError, ValidationError): it will never go as it is.
        if (status === 400) {
          const kinds = ((error as NotifyError).response?.data?.errors ?? []).map((e) => e.error ?? 'Error');
          throw new MessageRejectedError(`Notify ${status} ${[...new Set(kinds)].join(', ') || 'BadRequest'}`);
        }
        // Never rethrow the client's error, nor keep it as the cause: it carries the request, personal data included.
        // eslint-disable-next-line preserve-caught-error -- the caught error holds the recipient and the message
        throw new Error(`Notify did not accept the message (${status ?? 'no response'}): it will be retried`);
      }
    },
  };
}
