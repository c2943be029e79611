import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MessageSender, OutgoingMessage, SentMessage } from './sender.js';

/**
 * The local "delivery" for npm start: each rendered message becomes a text file in a folder
 * (.local/outbox/), listed at http://localhost:4000/outbox. No internet, nothing really sent.
 */
export function fileSender(dir: string): MessageSender {
  return {
    async send(message: OutgoingMessage): Promise<SentMessage> {
      await mkdir(dir, { recursive: true });
      const id = randomUUID();
      const to = message.recipient.channel === 'EMAIL' ? `Email to: ${message.recipient.email}` : `Letter to:\n${message.recipient.addressLines.join('\n')}`;
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const text = `${to}\nReference: ${message.providerReference}\nTemplate: ${message.template}\nSubject: ${message.rendered.subject}\n\n${message.rendered.body}\n`;
      await writeFile(join(dir, `${stamp}-${message.template}-${id.slice(0, 8)}.txt`), text, 'utf8');
      return { providerId: `local-${id}` };
    },
  };
}

/** The files written, newest first, for the /outbox page. */
export async function listOutbox(dir: string): Promise<Array<{ name: string; text: string }>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.txt'));
  } catch {
    return [];
  }
  names.sort().reverse();
  return Promise.all(names.slice(0, 200).map(async (name) => ({ name, text: await readFile(join(dir, name), 'utf8') })));
}
