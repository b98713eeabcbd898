import { useEffect, useId, useState } from 'react';
import type { BrandKit } from '../../core/email-design/brand-kit';
import { contrastRatio, MIN_TEXT_CONTRAST } from '../../core/email-design/contrast';
import { FONT_STACKS, type FontChoice } from '../../core/email-design/design-schema';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { FormDialog } from '../panels/FormDialog';
import { useApp, useAppStore } from '../store/app-store';
import { say, type Words } from '../i18n/words';

const COLOURS: [keyof BrandKit['colours'], MessageId][] = [
  ['background', 'brand.colour.background'],
  ['surface', 'brand.colour.surface'],
  ['text', 'brand.colour.text'],
  ['muted', 'brand.colour.muted'],
  ['accent', 'brand.colour.accent'],
  ['buttonText', 'brand.colour.buttonText'],
];

const FONTS: Record<FontChoice, MessageId> = {
  sans: 'brand.font.sans',
  humanist: 'brand.font.humanist',
  serif: 'brand.font.serif',
  mono: 'brand.font.mono',
};

/**
 * The library's brand kit: logo, colours, font and the footer's postal address, which every new
 * email and every starter's emails start from. The public address images are linked from is the
 * library's one public address: shown here, changed in the library settings.
 */
export function BrandKitDialog() {
  const t = useT();
  const formats = useFormats();
  const store = useAppStore();
  const close = useApp((s) => s.closeDialog);
  const openDialog = useApp((s) => s.openDialog);
  const brand = useApp((s) => s.brand);
  const images = useApp((s) => s.images);
  const imageData = useApp((s) => s.imageData);
  const [kit, setKit] = useState<BrandKit | null>(brand?.kit ?? null);
  // Kept as words, so the sentence follows the language if it changes while shown.
  const [problem, setProblem] = useState<Words | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  useEffect(() => {
    const state = store.getState();
    void state.loadImages();
    void state.loadBrand().then((loaded) => {
      if (loaded.ok) setKit((current) => current ?? loaded.value.kit);
    });
  }, [store]);
  useEffect(() => {
    void store.getState().loadImageData(images.slice(0, 12).map((i) => i.id));
  }, [store, images]);
  if (!kit) return null;
  const set = (patch: Partial<BrandKit>) => setKit({ ...kit, ...patch });
  const buttonContrast = contrastRatio(kit.colours.buttonText, kit.colours.accent);
  const textContrast = contrastRatio(kit.colours.text, kit.colours.surface);
  const publicBaseUrl = brand?.publicBaseUrl ?? '';
  const changed = brand !== null && JSON.stringify(kit) !== JSON.stringify(brand.kit);
  const saveKit = async (): Promise<boolean> => {
    setBusy(true);
    const saved = await store.getState().saveBrand({ kit });
    setBusy(false);
    if (!saved.ok) setProblem(saved.error);
    return saved.ok;
  };
  const save = async () => {
    if (await saveKit()) close();
  };
  // The address lives in the library settings; changes to the kit are saved before going there.
  const changeAddress = async () => {
    if (!changed || (await saveKit())) openDialog({ type: 'library-settings' });
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const added = await store.getState().addImage(file);
    if (added.ok)
      set({ logo: { imageId: added.value.id, width: Math.min(added.value.width, 180) } });
    else setProblem(added.error);
  };
  return (
    <FormDialog
      testId="brand"
      title={t('brand.title')}
      onClose={close}
      size="wide"
      action={{
        label: t('brand.save'),
        onPress: () => void save(),
        disabled: busy,
      }}
    >
      <form
        className="form brand-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="field-help">{t('brand.intro')}</p>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('brand.name')}
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={kit.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        </div>
        <fieldset className="field">
          <legend className="field-label">{t('brand.logo')}</legend>
          <div className="image-library">
            {images.slice(0, 12).map((image) => (
              <button
                key={image.id}
                type="button"
                className={`image-choice${kit.logo?.imageId === image.id ? ' is-on' : ''}`}
                aria-pressed={kit.logo?.imageId === image.id}
                onClick={() =>
                  set({ logo: { imageId: image.id, width: Math.min(image.width, 180) } })
                }
              >
                {imageData[image.id] ? (
                  <img src={imageData[image.id]} alt={image.name} />
                ) : (
                  <span>{image.name}</span>
                )}
              </button>
            ))}
          </div>
          <div className="button-row">
            <label className="button">
              {t('brand.logoUpload')}
              <input
                type="file"
                accept="image/png,image/jpeg,image/gif"
                className="visually-hidden"
                onChange={(e) => void upload(e.target.files?.[0])}
              />
            </label>
            {kit.logo && (
              <button
                type="button"
                className="button is-quiet"
                onClick={() => {
                  const { logo: _, ...rest } = kit;
                  setKit(rest);
                }}
              >
                {t('brand.logoRemove')}
              </button>
            )}
          </div>
        </fieldset>
        <fieldset className="field">
          <legend className="field-label">{t('brand.colours')}</legend>
          <div className="brand-colours">
            {COLOURS.map(([key, label]) => (
              <label key={key} className="brand-colour">
                <input
                  type="color"
                  value={kit.colours[key]}
                  onChange={(e) => set({ colours: { ...kit.colours, [key]: e.target.value } })}
                />
                {t(label)}
              </label>
            ))}
          </div>
          {buttonContrast < MIN_TEXT_CONTRAST && (
            <p className="field-error">
              {t('brand.lowContrast.button', { ratio: formats.number(buttonContrast, 1) })}
            </p>
          )}
          {textContrast < MIN_TEXT_CONTRAST && (
            <p className="field-error">
              {t('brand.lowContrast.text', { ratio: formats.number(textContrast, 1) })}
            </p>
          )}
          <div className="brand-sample" style={{ background: kit.colours.background }}>
            <div
              style={{
                background: kit.colours.surface,
                color: kit.colours.text,
                fontFamily: FONT_STACKS[kit.font],
              }}
            >
              <strong>{kit.name || t('brand.sampleName')}</strong>
              <span
                className="look-button"
                style={{ background: kit.colours.accent, color: kit.colours.buttonText }}
              >
                {t('brand.sampleButton')}
              </span>
              <small style={{ color: kit.colours.muted }}>
                {kit.address || t('designer.footer.noAddress')}
              </small>
            </div>
          </div>
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-font`}>
            {t('brand.font')}
          </label>
          <select
            id={`${id}-font`}
            className="select"
            value={kit.font}
            onChange={(e) => set({ font: e.target.value as FontChoice })}
          >
            {(Object.keys(FONTS) as FontChoice[]).map((font) => (
              <option key={font} value={font}>
                {t(FONTS[font])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-address`}>
            {t('brand.address')}
          </label>
          <textarea
            id={`${id}-address`}
            className="input"
            rows={2}
            value={kit.address}
            onChange={(e) => set({ address: e.target.value })}
            data-testid="brand-address"
          />
          <p className="field-help">{t('brand.addressHelp')}</p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-note`}>
            {t('brand.note')}
          </label>
          <input
            id={`${id}-note`}
            className="input"
            value={kit.footerNote}
            onChange={(e) => set({ footerNote: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-unsub`}>
            {t('brand.unsubscribe')}
          </label>
          <input
            id={`${id}-unsub`}
            className="input"
            value={kit.unsubscribeLabel}
            onChange={(e) => set({ unsubscribeLabel: e.target.value || kit.unsubscribeLabel })}
          />
        </div>
        <div
          className="field"
          role="group"
          aria-labelledby={`${id}-public`}
          aria-describedby={`${id}-public-help`}
        >
          <span className="field-label" id={`${id}-public`}>
            {t('brand.publicUrl')}
          </span>
          <p className="brand-public-url" data-testid="brand-public-url">
            {publicBaseUrl || t('brand.publicUrlNone')}
          </p>
          <p className="field-help" id={`${id}-public-help`}>
            {t('brand.publicUrlHelp')}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void changeAddress()}
            >
              {t(changed ? 'brand.publicUrlSaveAndChange' : 'brand.publicUrlChange')}
            </button>
          </div>
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {say(t, problem)}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </FormDialog>
  );
}
