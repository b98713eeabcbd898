import { useEffect, useId, useState } from 'react';
import type { BlockOf } from '../../core/email-design/design-schema';
import { libraryImageId, librarySrc } from '../../core/email-design/images';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { useApp, useAppStore } from '../store/app-store';
import { Row } from './BlockForm';
import { say, type Words } from '../i18n/words';

type ImageBlock = BlockOf<'image'>;

const HTTPS = 'https://';

/**
 * An image block's picture: one of the library's images, a new one picked from disk (checked
 * for size and dimensions before it is kept), or an https address; its alt text, width, link.
 */
export function ImageField({
  block,
  onChange,
}: {
  block: ImageBlock;
  onChange: (patch: Partial<ImageBlock>) => void;
}) {
  const t = useT();
  const formats = useFormats();
  const store = useAppStore();
  const images = useApp((s) => s.images);
  const data = useApp((s) => s.imageData);
  // Kept as words, so the sentence follows the language if it changes while shown.
  const [problem, setProblem] = useState<Words | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const current = libraryImageId(block.src);
  useEffect(() => {
    void store.getState().loadImages();
  }, [store]);
  useEffect(() => {
    void store.getState().loadImageData(images.slice(0, 24).map((i) => i.id));
  }, [store, images]);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    const added = await store.getState().addImage(file);
    setBusy(false);
    if (!added.ok) {
      setProblem(added.error);
      return;
    }
    const { value } = added;
    onChange({
      src: librarySrc(value.id),
      ...(block.alt ? {} : { alt: '' }),
      ...(value.width < 560 && { width: value.width }),
    });
  };
  return (
    <>
      <div className="field">
        <div className="field-label" id={`${id}-library`}>
          {t('designer.image.library')}
        </div>
        <div className="image-library" role="radiogroup" aria-labelledby={`${id}-library`}>
          {images.slice(0, 24).map((image) => (
            <button
              key={image.id}
              type="button"
              role="radio"
              aria-checked={current === image.id}
              className={`image-choice${current === image.id ? ' is-on' : ''}`}
              title={t('designer.image.facts', {
                name: image.name,
                width: image.width,
                height: image.height,
                size: formats.number(image.size / 1024, 0),
              })}
              onClick={() =>
                onChange({
                  src: librarySrc(image.id),
                  ...(image.width < 560 ? { width: image.width } : { width: undefined }),
                })
              }
            >
              {data[image.id] ? (
                <img src={data[image.id]} alt={image.name} />
              ) : (
                <span>{image.name}</span>
              )}
            </button>
          ))}
        </div>
        <label className="button image-upload">
          {busy ? t('designer.image.adding') : t('designer.image.upload')}
          <input
            type="file"
            accept="image/png,image/jpeg,image/gif"
            className="visually-hidden"
            data-testid="designer-image-file"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </label>
        <p className="field-help">{t('designer.image.uploadHelp')}</p>
        {problem && (
          <p className="field-error" role="alert" data-testid="designer-image-problem">
            {say(t, problem)}
          </p>
        )}
      </div>
      <Row
        id={`${id}-src`}
        label={t('designer.image.address')}
        help={t('designer.image.addressHelp')}
      >
        <input
          id={`${id}-src`}
          className="input"
          value={current ? '' : block.src}
          placeholder={HTTPS}
          onChange={(e) => onChange({ src: e.target.value })}
        />
      </Row>
      <Row id={`${id}-alt`} label={t('designer.image.alt')} help={t('designer.image.altHelp')}>
        <input
          id={`${id}-alt`}
          className="input"
          value={block.alt}
          onChange={(e) => onChange({ alt: e.target.value })}
        />
      </Row>
      <Row id={`${id}-width`} label={t('designer.image.width')}>
        <input
          id={`${id}-width`}
          type="number"
          min={16}
          max={600}
          className="input is-number"
          value={block.width ?? ''}
          onChange={(e) =>
            onChange({
              width:
                e.target.value === ''
                  ? undefined
                  : Math.max(16, Math.min(600, Number(e.target.value))),
            })
          }
        />
      </Row>
      <Row id={`${id}-href`} label={t('designer.image.link')}>
        <input
          id={`${id}-href`}
          className="input"
          value={block.href ?? ''}
          onChange={(e) => onChange({ href: e.target.value || undefined })}
        />
      </Row>
    </>
  );
}
