import type { StateCreator } from 'zustand';
import type { AppApi, AppInput, AppOutput } from '../../core/api/contract';
import type { BrandSettings, ImageInfo } from '../../core/api/design-contract';
import { imageTooLarge, MAX_IMAGE_BYTES } from '../../core/email-design/images';
import { words } from '../i18n/words';
import type { AppState } from './app-store';
import { failure, type Outcome } from './execution-slice';

/**
 * Writing messages without code: which message node the email designer is open on, the
 * library's brand kit and images (with the images' bytes as data addresses, for previews),
 * and test sends.
 */
export interface DesignSlice {
  /** The message node whose email is open in the designer, if any. */
  designerNodeId: string | null;
  brand: BrandSettings | null;
  images: readonly ImageInfo[];
  /** `data:` addresses of library images, by id, as far as they were read. */
  imageData: Readonly<Record<string, string>>;
  openDesigner: (nodeId: string) => void;
  closeDesigner: () => void;
  loadBrand: () => Promise<Outcome<BrandSettings>>;
  saveBrand: (input: AppInput<'saveBrandSettings'>) => Promise<Outcome<BrandSettings>>;
  loadImages: () => Promise<void>;
  /** Reads the bytes of library images not read yet. */
  loadImageData: (ids: readonly string[]) => Promise<void>;
  /** Adds a picked file to the library; a file over the limit is refused before it is read. */
  addImage: (file: File) => Promise<Outcome<ImageInfo>>;
  sendTestMessage: (
    input: AppInput<'sendTestMessage'>,
  ) => Promise<Outcome<AppOutput<'sendTestMessage'>>>;
}

/** A picked file's bytes as base64 (FileReader: every browser and the test DOM have it). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(base64Of(new Uint8Array(reader.result as ArrayBuffer)));
    reader.onerror = () => reject(reader.error ?? new Error(`"${file.name}" could not be read`));
    reader.readAsArrayBuffer(file);
  });
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const createDesignSlice =
  (api: AppApi): StateCreator<AppState, [], [], DesignSlice> =>
  (set, get) => ({
    designerNodeId: null,
    brand: null,
    images: [],
    imageData: {},
    openDesigner(nodeId) {
      set({ designerNodeId: nodeId });
    },
    closeDesigner() {
      set({ designerNodeId: null });
    },
    async loadBrand() {
      try {
        const brand = await api.getBrandSettings({});
        set({ brand });
        return { ok: true, value: brand };
      } catch (error) {
        return failure(error);
      }
    },
    async saveBrand(input) {
      try {
        const brand = await api.saveBrandSettings(input);
        set({ brand });
        return { ok: true, value: brand };
      } catch (error) {
        return failure(error);
      }
    },
    async loadImages() {
      try {
        set({ images: await api.listImages({}) });
      } catch {
        // The picker shows what it has; a later call tries again.
      }
    },
    async loadImageData(ids) {
      const missing = ids.filter((id) => get().imageData[id] === undefined);
      for (const id of missing) {
        try {
          const image = await api.getImage({ id });
          set({
            imageData: { ...get().imageData, [id]: `data:${image.type};base64,${image.data}` },
          });
        } catch {
          // An image no longer in the library shows as missing in the preview.
          set({ imageData: { ...get().imageData, [id]: '' } });
        }
      }
    },
    async addImage(file) {
      if (file.size > MAX_IMAGE_BYTES)
        // Refused before reading: the engine would refuse it with the same words.
        return {
          ok: false,
          error: words('apiError.asSaid', { detail: imageTooLarge(file.name, file.size).message }),
        };
      let data: string;
      try {
        data = await readBase64(file);
      } catch {
        return { ok: false, error: words('notice.fileUnreadable', { name: file.name }) };
      }
      try {
        const image = await api.addImage({ name: file.name, data });
        set({
          images: [image, ...get().images.filter((i) => i.id !== image.id)],
          imageData: { ...get().imageData, [image.id]: `data:${image.type};base64,${data}` },
        });
        return { ok: true, value: image };
      } catch (error) {
        return failure(error);
      }
    },
    async sendTestMessage(input) {
      try {
        return { ok: true, value: await api.sendTestMessage(input) };
      } catch (error) {
        return failure(error);
      }
    },
  });
