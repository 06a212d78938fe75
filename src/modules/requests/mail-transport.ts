// SMTP delivery for the outbox (nodemailer), configured by SMTP_URL; without it there is no
// transport and the outbox table is the mail log.
import nodemailer from 'nodemailer';
import type { MailTransport } from './requests.notifier.ts';

export function createMailTransport(smtpUrl: string | undefined): MailTransport | null {
  if (!smtpUrl) return null;
  return nodemailer.createTransport(smtpUrl);
}
