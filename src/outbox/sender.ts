import type { RenderedMessage } from '../correspondence/render.js';

/**
 * How a rendered message leaves: GOV.UK Notify when deployed (notifySender.ts), a file in
 * .local/outbox/ on a laptop (fileSender.ts). The delivery code is the same for both.
 */
export interface OutgoingMessage {
  /** Given to Notify as the notification's reference: comes back in its callbacks. No personal data. */
  providerReference: string;
  template: string;
  recipient: { channel: 'EMAIL'; email: string } | { channel: 'LETTER'; addressLines: string[] };
  rendered: RenderedMessage;
}

export interface SentMessage {
  /** The provider's id for it (Notify's notification id). */
  providerId: string;
}

export interface MessageSender {
  send(message: OutgoingMessage): Promise<SentMessage>;
}

/**
 * The provider refused the message itself (an invalid address, a postcode Notify cannot post to):
 * sending it again would fail the same way, so it is recorded as undeliverable. Any other error
 * (the network, Notify's 429 or 5xx, an auth problem) is retried.
 */
export class MessageRejectedError extends Error {
  constructor(readonly reason: string) {
    super(`the message was refused: ${reason}`);
    this.name = 'MessageRejectedError';
  }
}
