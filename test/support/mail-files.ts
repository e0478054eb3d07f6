import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An email the file transport wrote, as its reader would see it. */
export interface MailFile {
  to: string;
  subject: string;
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function header(head: string, name: string): string {
  const match = head.match(new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, 'mi'));
  return match ? match[1].replace(/\n[ \t]+/g, ' ').trim() : '';
}

/** The emails the file transport wrote to `address` (under the app's MAIL_DIR), in no particular order. */
export function mailFiles(mailDir: string, address: string): MailFile[] {
  let names: string[];
  try {
    names = readdirSync(mailDir).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  const mails: MailFile[] = [];
  for (const name of names) {
    const raw = readFileSync(join(mailDir, name), 'utf8').replace(/\r\n/g, '\n');
    const split = raw.indexOf('\n\n');
    const head = raw.slice(0, split);
    const body = raw.slice(split + 2);
    if (!header(head, 'To').toLowerCase().includes(address.toLowerCase())) continue;
    const encoding = header(head, 'Content-Transfer-Encoding').toLowerCase();
    const text =
      encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : encoding === 'base64'
          ? Buffer.from(body, 'base64').toString('utf8')
          : body;
    mails.push({ to: header(head, 'To'), subject: header(head, 'Subject'), text });
  }
  return mails;
}

/** Waits (up to `timeoutMs`) for an email to `address` whose text matches `pattern`, and gives the first link in it. */
export async function waitForMailedLink(
  mailDir: string,
  address: string,
  pattern: RegExp,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mailFiles(mailDir, address).find((candidate) => pattern.test(candidate.text));
    const link = mail?.text.match(/https?:\/\/[^\s>]+/)?.[0];
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`No email to ${address} matching ${String(pattern)} arrived`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
