import nodemailer, { type Transporter } from 'nodemailer';
import { MailSender, type OutgoingMail } from './mail-sender.js';

/** Sends through an SMTP server (SMTP_URL, e.g. smtps://user:password@smtp.example.org). */
export class SmtpMailSender extends MailSender {
  private readonly transport: Transporter;

  /**
   * `leaseSeconds`: how long a claimed delivery is held. Every SMTP wait is kept well
   * inside it, and the caller's signal cuts the whole conversation off before it ends,
   * so a slow or stuck server fails the attempt (to be retried) before another worker
   * may take the same delivery and send it twice.
   */
  constructor(
    url: string,
    private readonly from: string,
    leaseSeconds: number,
  ) {
    super();
    const timeoutMs = Math.max(1000, Math.floor((leaseSeconds * 1000) / 4));
    this.transport = nodemailer.createTransport({
      url,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(mail: OutgoingMail, signal?: AbortSignal): Promise<void> {
    await this.transport.sendMail({
      signal,
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: mail.messageId,
    });
  }

  override close(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }
}
