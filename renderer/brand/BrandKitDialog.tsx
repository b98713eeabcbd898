import { useEffect, useId, useState } from 'react';
import type { BrandKit } from '../../core/email-design/brand-kit';
import { contrastRatio, MIN_TEXT_CONTRAST } from '../../core/email-design/contrast';
import { FONT_STACKS, type FontChoice } from '../../core/email-design/design-schema';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages';
import { Modal } from '../panels/Modal';
import { useApp, useAppStore } from '../store/app-store';

const COLOURS: [keyof BrandKit['colours'], MessageId][] = [
  ['background', 'brand.colour.background'],
  ['surface', 'brand.colour.surface'],
  ['text', 'brand.colour.text'],
  ['muted', 'brand.colour.muted'],
  ['accent', 'brand.colour.accent'],
  ['buttonText', 'brand.colour.buttonText'],
];

/** The start of a web address, as a hint in address fields. */
const HTTPS = 'https://';

const FONTS: Record<FontChoice, MessageId> = {
  sans: 'brand.font.sans',
  humanist: 'brand.font.humanist',
  serif: 'brand.font.serif',
  mono: 'brand.font.mono',
};

/**
 * The library's brand kit: logo, colours, font and the footer's postal address, which every new
 * email and every starter's emails start from; and the public address images are linked from.
 */
export function BrandKitDialog() {
  const t = useT();
  const formats = useFormats();
  const store = useAppStore();
  const close = useApp((s) => s.closeDialog);
  const brand = useApp((s) => s.brand);
  const images = useApp((s) => s.images);
  const imageData = useApp((s) => s.imageData);
  const [kit, setKit] = useState<BrandKit | null>(brand?.kit ?? null);
  const [publicBaseUrl, setPublicBaseUrl] = useState(brand?.publicBaseUrl ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  useEffect(() => {
    const state = store.getState();
    void state.loadImages();
    void state.loadBrand().then((loaded) => {
      if (loaded.ok) {
        setKit((current) => current ?? loaded.value.kit);
        setPublicBaseUrl((current) => current || loaded.value.publicBaseUrl);
      }
    });
  }, [store]);
  useEffect(() => {
    void store.getState().loadImageData(images.slice(0, 12).map((i) => i.id));
  }, [store, images]);
  if (!kit) return null;
  const set = (patch: Partial<BrandKit>) => setKit({ ...kit, ...patch });
  const buttonContrast = contrastRatio(kit.colours.buttonText, kit.colours.accent);
  const textContrast = contrastRatio(kit.colours.text, kit.colours.surface);
  const save = async () => {
    setBusy(true);
    const saved = await store.getState().saveBrand({ kit, publicBaseUrl });
    setBusy(false);
    if (saved.ok) close();
    else setProblem(saved.error);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    const added = await store.getState().addImage(file);
    if (added.ok)
      set({ logo: { imageId: added.value.id, width: Math.min(added.value.width, 180) } });
    else setProblem(added.error);
  };
  return (
    <Modal
      title={t('brand.title')}
      onClose={close}
      size="wide"
      actions={
        <>
          <button type="button" className="button is-quiet" onClick={close}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button is-primary"
            disabled={busy}
            onClick={() => void save()}
            data-testid="brand-save"
          >
            {t('brand.save')}
          </button>
        </>
      }
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
        <div className="field">
          <label className="field-label" htmlFor={`${id}-public`}>
            {t('brand.publicUrl')}
          </label>
          <input
            id={`${id}-public`}
            className="input"
            value={publicBaseUrl}
            placeholder={HTTPS}
            onChange={(e) => setPublicBaseUrl(e.target.value)}
          />
          <p className="field-help">{t('brand.publicUrlHelp')}</p>
        </div>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
