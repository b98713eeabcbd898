import { z } from 'zod';
import { brandKitSchema } from '../email-design/brand-kit';
import { MAX_IMAGE_BYTES } from '../email-design/images';

/**
 * Writing messages without code (DESIGN.md §9): the library's brand kit, its images, and test
 * sends from the email designer.
 */
const idSchema = z.string().min(1).max(120);

export const imageInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['image/png', 'image/jpeg', 'image/gif']),
  width: z.number(),
  height: z.number(),
  /** Bytes. */
  size: z.number(),
});
export type ImageInfo = z.infer<typeof imageInfoSchema>;

export const brandSettingsSchema = z.object({
  kit: brandKitSchema,
  /** False while the library still has the kit it started with. */
  saved: z.boolean(),
  /**
   * The library's public address (the event API behind a public host, set in Library ▸
   * Settings), under which its images are linked; empty: images travel inside each email (CID).
   * Shown here, saved with the library settings.
   */
  publicBaseUrl: z.string(),
});
export type BrandSettings = z.infer<typeof brandSettingsSchema>;

export const designContract = {
  getBrandSettings: { input: z.object({}).strict(), output: brandSettingsSchema },
  saveBrandSettings: {
    input: z.object({ kit: brandKitSchema }).strict(),
    output: brandSettingsSchema,
  },
  listImages: { input: z.object({}).strict(), output: z.array(imageInfoSchema) },
  /** Adds an image file to the library (the same file twice is kept once). */
  addImage: {
    input: z
      .object({
        name: z.string().trim().min(1).max(200),
        /**
         * The file, base64. Files over the library's limit are let through to the handler, up
         * to 15 times the limit, so it can say how large the file is and what to do.
         */
        data: z.string().max(Math.ceil((MAX_IMAGE_BYTES * 15 * 4) / 3)),
      })
      .strict(),
    output: imageInfoSchema,
  },
  /** An image with its bytes (base64), for previews. */
  getImage: {
    input: z.object({ id: idSchema }).strict(),
    output: imageInfoSchema.extend({ data: z.string() }),
  },
  /**
   * Sends a message node's email, rendered for a sample profile, to one address: through the
   * configured SMTP server, or into the embedded outbox when there is none, with the same
   * headers and embedded images as a real send.
   */
  sendTestMessage: {
    input: z
      .object({
        journeyId: idSchema,
        journeyName: z.string().max(200),
        nodeId: idSchema,
        to: z.email().max(320),
        config: z.record(z.string(), z.unknown()),
        profile: z.record(z.string(), z.unknown()),
        event: z.record(z.string(), z.unknown()),
      })
      .strict(),
    output: z.object({
      ok: z.boolean(),
      via: z.enum(['smtp', 'outbox']),
      detail: z.string(),
      /**
       * A template that could not be rendered for the profile: its field, and the facts of the
       * Liquid mistake (`validation.template-invalid`'s values) or the limit it ran into.
       */
      render: z
        .object({
          field: z.string().max(100),
          problem: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          limit: z.enum(['loop', 'output', 'memory', 'time']).optional(),
        })
        .optional(),
    }),
  },
} as const;
