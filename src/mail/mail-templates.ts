import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The three emails of API.md §9 and the variables each template receives. */
export interface MailContexts {
  'email-confirmation': { name: string; confirmUrl: string; validDays: number };
  'relation-request': {
    receiverName: string;
    senderName: string;
    senderRole: 'mentor' | 'mentee';
    notes: string;
  };
  'relation-accepted': {
    senderName: string;
    receiverName: string;
    role: 'mentor' | 'mentee';
    endDate: string;
  };
}

export type MailTemplate = keyof MailContexts;

export const MAIL_SUBJECTS: Record<MailTemplate, string> = {
  'email-confirmation': 'Mentorship System - Please confirm your email',
  'relation-request': 'Mentorship System - You have got new relation request',
  'relation-accepted': 'Mentorship relation accepted!',
};

/** An email to queue: who gets it, which template, and that template's variables. */
export type Mail = {
  [T in MailTemplate]: { to: string; template: T; context: MailContexts[T] };
}[MailTemplate];

/**
 * Where the .hbs files are: beside this file when running from source (ts-jest, ts-node),
 * copied to dist/mail/templates by the build's assets step when running the bundle.
 */
export function templatesDir(): string {
  const candidates = [join(__dirname, 'templates'), join(__dirname, 'mail', 'templates')];
  const found = candidates.find((dir) => existsSync(join(dir, 'email-confirmation.hbs')));
  if (!found) throw new Error(`Mail templates not found in ${candidates.join(' or ')}`);
  return found;
}
