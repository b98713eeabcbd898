import { ApiError, type ApiHandlers } from '../api/contract';
import type { BrandSettings, ImageInfo } from '../api/design-contract';
import { emailChannel } from '../channels/email.channel';
import { brandKitSchema, DEFAULT_BRAND_KIT, type BrandKit } from '../email-design/brand-kit';
import { checkImage, imageTooLarge, MAX_IMAGE_BYTES } from '../email-design/images';
import { murmur3 } from '../runtime/hash';
import { templateProblemValues } from '../runtime/template-problems';
import { renderTemplate } from '../runtime/templating';
import type { AppEngine } from './app-engine';
import { imageRefused } from './api-errors';
import { savedLibrarySettings } from './library-settings';
import type { AppSettings, ImageLibrary, StoredImage } from './ports';

export type DesignHandlers = Pick<
  ApiHandlers,
  | 'getBrandSettings'
  | 'saveBrandSettings'
  | 'listImages'
  | 'addImage'
  | 'getImage'
  | 'sendTestMessage'
>;

export interface DesignContext {
  settings: AppSettings;
  images: ImageLibrary;
  engine: AppEngine;
  transaction: <T>(work: () => T) => T;
  now: () => number;
  newId: () => string;
}

const KIT_KEY = 'brand.kit';

/** The library's brand kit as saved, or the one it starts with (also when the saved one is unreadable). */
export function savedBrandKit(settings: Pick<AppSettings, 'get'>): {
  kit: BrandKit;
  saved: boolean;
} {
  const text = settings.get(KIT_KEY);
  if (text === undefined) return { kit: DEFAULT_BRAND_KIT, saved: false };
  try {
    const parsed = brandKitSchema.safeParse(JSON.parse(text));
    return parsed.success
      ? { kit: parsed.data, saved: true }
      : { kit: DEFAULT_BRAND_KIT, saved: false };
  } catch {
    return { kit: DEFAULT_BRAND_KIT, saved: false };
  }
}

function info(image: StoredImage): ImageInfo {
  const { id, name, type, width, height, size } = image;
  return { id, name, type, width, height, size };
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

function decodeBase64(data: string): Uint8Array | undefined {
  try {
    const binary = atob(data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The brand kit, the image library and the designer's test sends. */
export function designHandlers({
  settings,
  images,
  engine,
  transaction,
  now,
  newId,
}: DesignContext): DesignHandlers {
  const brand = (): BrandSettings => ({
    ...savedBrandKit(settings),
    // The library's one public address (Library ▸ Settings), shown beside the kit.
    publicBaseUrl: savedLibrarySettings(settings).publicUrl,
  });
  return {
    getBrandSettings: () => Promise.resolve(brand()),

    saveBrandSettings: ({ kit }) => {
      if (kit.logo && !images.get(kit.logo.imageId))
        throw new ApiError(
          'invalid-request',
          'The logo is not in the image library any more; pick it again.',
          'kit.logo',
          { reason: 'logo-missing' },
        );
      transaction(() => settings.set(KIT_KEY, JSON.stringify(kit)));
      return Promise.resolve(brand());
    },

    listImages: () => Promise.resolve(images.list().map(info)),

    addImage: ({ name, data }) => {
      // The size first, from the length of the text: a huge file gets its answer without decoding.
      const size =
        Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
      if (size > MAX_IMAGE_BYTES) throw imageRefused(imageTooLarge(name, size));
      const bytes = decodeBase64(data);
      if (!bytes)
        throw new ApiError(
          'invalid-request',
          `"${name}" did not arrive whole; pick it again.`,
          'data',
          { reason: 'image-incomplete', values: { name } },
        );
      const checked = checkImage(name, bytes);
      if (!checked.ok) throw imageRefused(checked.problem);
      const id = `img-${hex(murmur3(data))}${hex(murmur3(data, 0x9e3779b9))}`;
      const existing = images.get(id);
      if (existing) return Promise.resolve(info(existing));
      const image: StoredImage = {
        id,
        name,
        ...checked.facts,
        size: bytes.length,
        addedAt: now(),
      };
      images.add(image, bytes);
      return Promise.resolve(info(image));
    },

    getImage: ({ id }) => {
      const image = images.get(id);
      const bytes = images.data(id);
      if (!image || !bytes)
        return Promise.reject(
          new ApiError('not-found', `There is no image "${id}" in the library.`, 'id', {
            reason: 'image-not-found',
            values: { imageId: id },
          }),
        );
      return Promise.resolve({ ...info(image), data: encodeBase64(bytes) });
    },

    sendTestMessage: async ({ journeyId, journeyName, nodeId, to, config, profile, event }) => {
      const parsed = emailChannel.schema.safeParse(config);
      if (!parsed.success)
        throw new ApiError(
          'invalid-request',
          'Only an email with a sender, a subject and a body can be sent as a test.',
          'config',
          { reason: 'test-email-incomplete' },
        );
      const live = await engine.get();
      const profileId = `test:${to}`;
      const scope = {
        profile: { ...profile, email: to },
        event,
        journey: { id: journeyId, name: journeyName },
        unsubscribe_url: live.unsubscribeUrl(
          journeyId,
          profileId,
          'email',
          typeof config.from === 'string' ? config.from : undefined,
        ),
        now: new Date(now()),
      };
      const rendered: Record<string, string> = {};
      for (const { field, mode, title } of emailChannel.templateFields) {
        const source = config[field];
        if (typeof source !== 'string') continue;
        const result = renderTemplate(source, mode, scope);
        if (!result.ok)
          return {
            ok: false,
            via: live.emailTransport === 'smtp' ? 'smtp' : 'outbox',
            detail: `${title}: ${result.error}`,
            render: {
              field,
              ...(result.problem && { problem: templateProblemValues(result.problem) }),
              ...(result.limit && { limit: result.limit }),
            },
          };
        rendered[field] = result.text;
      }
      const content = emailChannel.content(parsed.data, rendered);
      const id = newId();
      live.enqueueMessage({
        key: `test/${id}`,
        journeyId,
        version: 0,
        nodeId,
        enrollmentId: `test-${id}`,
        profileId,
        channel: 'email',
        to,
        at: now(),
        content,
      });
      const via = live.emailTransport === 'smtp' ? 'smtp' : 'outbox';
      return {
        ok: true,
        via,
        detail:
          via === 'smtp'
            ? `Sent to ${to} through the SMTP server.`
            : `Kept in the outbox for ${to}: no SMTP server is set.`,
      };
    },
  };
}
