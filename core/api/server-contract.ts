import { z } from 'zod';

/**
 * The app as the console of an engine on a server: the address and token it connects with, the
 * test that says what it found, and the shop webhook secrets the engine on this computer checks
 * signatures with. Designing and simulating stay on this computer either way.
 */

/** Why a server could not be used, each with words in the app's catalogues (`server.problem.*`). */
export const SERVER_PROBLEMS = [
  'address-invalid',
  'not-secure',
  'unreachable',
  'certificate-untrusted',
  'token-refused',
  'not-journey-studio',
] as const;
export type ServerProblem = (typeof SERVER_PROBLEMS)[number];

const serverUrl = z.string().trim().min(1).max(500);
const serverToken = z.string().min(1).max(1_000);

export const serverReportSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The host name shown in "Running on …". */
    host: z.string(),
    /** The server's Journey Studio version. */
    version: z.string(),
    /** Journeys live on the server now. */
    journeysLive: z.number(),
  }),
  z.object({
    ok: z.literal(false),
    problem: z.enum(SERVER_PROBLEMS),
    /** What the network or the server said, for the curious; the words come from the code. */
    detail: z.string(),
  }),
]);
export type ServerReport = z.infer<typeof serverReportSchema>;

/**
 * `keychain`: encrypted with the operating system's keychain (the desktop app). `plain-text`: the
 * desktop app found no keyring (Linux without one). `server-process`: held by the process that
 * serves this page, in memory only (browser mode).
 */
export const SECRETS_KEPT_IN = ['keychain', 'plain-text', 'server-process'] as const;

export const serverConnectionSchema = z.object({
  engine: z.enum(['local', 'server']),
  /** The server's address, when the run side goes to one. */
  url: z.string().optional(),
  host: z.string().optional(),
  secretsKeptIn: z.enum(SECRETS_KEPT_IN),
  /** Whether a signing secret is kept for each shop's webhooks (never the secret itself). */
  shopSecrets: z.object({ shopify: z.boolean(), woocommerce: z.boolean() }),
});
export type ServerConnectionView = z.infer<typeof serverConnectionSchema>;

const shopSecret = z.string().trim().min(1).max(500);

export const serverContract = {
  /** Which engine runs journeys: this computer's, or a server's. */
  getServerConnection: { input: z.object({}).strict(), output: serverConnectionSchema },
  /** Tries an address and token without changing anything. */
  testServerConnection: {
    input: z.object({ url: serverUrl, token: serverToken }).strict(),
    output: serverReportSchema,
  },
  /**
   * Tests, and when the server answers and accepts the token, runs journeys there from now on;
   * the token is kept where `secretsKeptIn` says.
   */
  connectServer: {
    input: z.object({ url: serverUrl, token: serverToken }).strict(),
    output: z.object({ report: serverReportSchema, connection: serverConnectionSchema }),
  },
  /** Back to the engine on this computer (the server's journeys keep running there). */
  disconnectServer: { input: z.object({}).strict(), output: serverConnectionSchema },
  /** Keeps (or with `clear`, forgets) the signing secret of a shop's webhooks. */
  saveShopSecret: {
    input: z
      .object({
        platform: z.enum(['shopify', 'woocommerce']),
        secret: shopSecret.optional(),
        clear: z.boolean().optional(),
      })
      .strict()
      .refine((input) => (input.secret !== undefined) !== (input.clear === true), {
        error: 'Give the secret, or clear it.',
      }),
    output: serverConnectionSchema,
  },
} as const;
