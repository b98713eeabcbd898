import { z } from 'zod';
import { secretProtectionSchema } from './execution-contract';

/**
 * The library's settings (where links in messages point, the mailbox that receives
 * unsubscribes, bounces and complaints, the webhook hosts allowed on this computer or a private
 * network) and its backups (one a day, automatically; restored from the app).
 */

const host = z
  .string()
  .trim()
  .max(255)
  .refine((text) => text === '' || /^[A-Za-z0-9.\-:[\]]+$/.test(text), {
    error: 'Write a host name such as imap.example.com.',
  });

const mailboxSchema = z.object({
  /** Empty: no mailbox is read. */
  host,
  port: z.number().int().min(1).max(65_535),
  security: z.enum(['tls', 'starttls', 'none']),
  username: z.string().max(320),
});

export const librarySettingsSchema = z.object({
  /**
   * `https://…` (or `http://`): the address recipients reach this engine at, for unsubscribe
   * links and the library's images; empty: none.
   */
  publicUrl: z
    .string()
    .trim()
    .max(500)
    .refine((text) => text === '' || /^https?:\/\/[^\s/?#]+[^\s?#]*$/.test(text), {
      error:
        'The public address starts with https:// and names a host, e.g. https://shop.example.com/journeys.',
    }),
  /** Empty: `unsubscribe@` the sender's domain. */
  unsubscribeAddress: z.union([
    z.literal(''),
    z.email({ error: 'Write an email address.' }).max(320),
  ]),
  webhookHosts: z
    .array(host.refine((text) => text !== '', { error: 'A host cannot be empty.' }))
    .max(100),
  mailbox: mailboxSchema,
  /**
   * The currency revenue and prices are shown in, as an ISO 4217 code (`SEK`, `NOK`, `EUR`);
   * empty: the language's own (Swedish kronor in Swedish, Norwegian kroner in Norwegian).
   */
  currency: z
    .union([
      z.literal(''),
      z.string().regex(/^[A-Z]{3}$/, { error: 'Choose a currency such as SEK, NOK or EUR.' }),
    ])
    .default(''),
});
export type LibrarySettingsInput = z.infer<typeof librarySettingsSchema>;

export const librarySettingsViewSchema = librarySettingsSchema.extend({
  mailbox: mailboxSchema.extend({
    /** A password is kept; it is never sent to the renderer. */
    passwordSet: z.boolean(),
    /** How the password is kept, as for SMTP: the settings say so beside the field. */
    protection: secretProtectionSchema,
    /** When the mailbox was last read, and what went wrong then, if anything. */
    lastRead: z.string().optional(),
    problem: z.string().optional(),
  }),
});
export type LibrarySettingsView = z.infer<typeof librarySettingsViewSchema>;

export const backupSchema = z.object({
  /** The file's name in the backups folder. */
  name: z.string(),
  at: z.string(),
  bytes: z.number(),
  /** `daily`: made automatically; `manual`: "Back up now"; `before-restore`: the state a restore replaced. */
  reason: z.enum(['daily', 'manual', 'before-restore']),
});
export type Backup = z.infer<typeof backupSchema>;

const backupName = z
  .string()
  .max(200)
  .regex(/^[\w.-]+\.db$/, { error: 'Name a backup from the list.' });

export const settingsContract = {
  getLibrarySettings: { input: z.object({}).strict(), output: librarySettingsViewSchema },
  /** `password` replaces the mailbox's kept password, `clearPassword` forgets it. */
  saveLibrarySettings: {
    input: librarySettingsSchema
      .extend({
        password: z.string().max(1_000).optional(),
        clearPassword: z.boolean().optional(),
      })
      .strict(),
    output: librarySettingsViewSchema,
  },
  /** Reads the mailbox now (it is also read every few minutes while the engine runs). */
  readMailbox: {
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      detail: z.string(),
      unsubscribed: z.number(),
      bounced: z.number(),
      complained: z.number(),
    }),
  },
  /** The backups, newest first, and the folder they are in. */
  listBackups: {
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), backups: z.array(backupSchema) }),
  },
  backUpNow: { input: z.object({}).strict(), output: backupSchema },
  /**
   * Puts the library back as it was in a backup. The state it replaces is backed up first
   * (`before-restore`), so a restore can be undone the same way.
   */
  restoreBackup: {
    input: z.object({ name: backupName }).strict(),
    output: z.object({ restored: backupSchema, saved: backupSchema }),
  },
} as const;

export const settingsEvents = {
  /** A backup was restored: everything the app shows may have changed. */
  libraryRestored: z.object({ name: z.string() }),
} as const;
