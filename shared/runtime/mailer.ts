import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { envOptional, envString } from './config';

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Where messages go: an SMTP host, or the folder of the embedded setup. */
  readonly destination: string;
}

export interface MailerConfig {
  /** smtp://user:pass@host:port (or smtps://); unset keeps messages as .eml files in the data folder. */
  smtpUrl: string | undefined;
  from: string;
  /** Base URL of the web app, for links in messages (activation, invitations). */
  appUrl: string;
  outboxDir: string;
}

export function loadMailerConfig(env: Record<string, string | undefined>, dataDir: string): MailerConfig {
  return {
    smtpUrl: envOptional(env, 'SMTP_URL'),
    from: envString(env, 'MAIL_FROM', 'Tenantry <no-reply@tenantry.test>'),
    appUrl: envString(env, 'APP_URL', 'http://localhost:3000').replace(/\/+$/, ''),
    outboxDir: path.join(dataDir || 'data', 'mail'),
  };
}

/**
 * Sends email through nodemailer: SMTP when SMTP_URL is set, otherwise each message is written as an
 * .eml file in data/mail/ so the embedded setup works offline and a developer can open what was sent.
 */
export function createMailer(config: MailerConfig, logger: Logger): Mailer {
  if (config.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
    return {
      destination: new URL(config.smtpUrl).host,
      async send(message) {
        await transport.sendMail({ from: config.from, ...message });
      },
    };
  }
  const transport: Transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    destination: config.outboxDir,
    async send(message) {
      const info = (await transport.sendMail({ from: config.from, ...message })) as {
        message: Buffer;
        messageId: string;
      };
      fs.mkdirSync(config.outboxDir, { recursive: true });
      const file = path.join(
        config.outboxDir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^A-Za-z0-9@.-]/g, '')}.eml`,
      );
      fs.writeFileSync(file, info.message);
      logger.info({ file, to: message.to, subject: message.subject }, 'email kept in the data folder');
    },
  };
}
