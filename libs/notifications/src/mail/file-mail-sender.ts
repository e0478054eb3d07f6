import { randomBytes } from 'node:crypto';
import { mkdir, link, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { MailSender, type OutgoingMail } from './mail-sender.js';

/**
 * Writes each email as an .eml file (what would have been sent, complete with headers)
 * into a directory, one file per Message-ID: a resend of the same message finds its
 * file there and leaves it, so the directory never holds a duplicate.
 */
export class FileMailSender extends MailSender {
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly directory: string,
    private readonly from: string,
  ) {
    super();
  }

  /** The file a message is kept in. */
  fileFor(messageId: string): string {
    return join(this.directory, `${messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9@._-]/g, '_')}.eml`);
  }

  async send(mail: OutgoingMail, signal?: AbortSignal): Promise<void> {
    const info = await this.composer.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
    signal?.throwIfAborted();
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    // Written whole under a temporary name, then linked into place: the link fails if the
    // message is already there, and a reader never sees half a file.
    const temporary = join(this.directory, `.partial-${randomBytes(8).toString('hex')}`);
    await writeFile(temporary, info.message as Buffer, { mode: 0o600 });
    try {
      await link(temporary, this.fileFor(mail.messageId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(temporary);
    }
  }
}
