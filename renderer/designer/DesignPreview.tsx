import { useEffect, useMemo, useState } from 'react';
import type { CompiledEmail } from '../../core/email-design/compile-design';
import { darkModeCss } from '../../core/email-design/design-mjml';
import { allBlocks, type EmailDesign } from '../../core/email-design/design-schema';
import { blockTemplates } from '../../core/email-design/email-findings';
import { renderTemplate, type TemplateScope } from '../../core/runtime/templating';
import { renderFailureText } from '../channels/render-failure-words';
import { sandboxedEmail } from '../execution/email-frame';
import { useFormats } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import {
  PERSONAS,
  PREVIEW_UNSUBSCRIBE_URL,
  findPersona,
} from '../../core/templates/preview-personas';
import { useApp, useAppStore } from '../store/app-store';
import { BLOCK_NAME } from './block-words';
import { designProblemText } from './design-problem-words';

/** Products for the preview when the sample event has none, so a product block shows something. */
const SAMPLE_PRODUCTS = [
  { name: 'Gotland Wool Throw', price: 1290, url: 'https://shop.example.com/p/101' },
  { name: 'Oak Cutting Board', price: 450, url: 'https://shop.example.com/p/106' },
];

const WIDTHS = { desktop: 600, mobile: 375 } as const;

/** The first block whose Liquid fails for this profile, and why. */
function failingBlock(design: EmailDesign, scope: TemplateScope) {
  for (const { block, path } of allBlocks(design))
    for (const [, source] of blockTemplates(block)) {
      const index = Number(path[1]) + 1;
      const result = renderTemplate(source, 'html', scope);
      if (!result.ok) return { block, index, failure: result };
    }
  return undefined;
}

/**
 * The email as a chosen sample profile gets it, at desktop or phone width, in light or dark mode;
 * a Liquid error is pointed at its block. Says whether images travel in the email or are linked.
 */
export function DesignPreview({
  design,
  email,
  error,
  onSelectBlock,
}: {
  design: EmailDesign;
  email: CompiledEmail | undefined;
  error: string | undefined;
  onSelectBlock: (id: string) => void;
}) {
  const t = useT();
  const formats = useFormats();
  const store = useAppStore();
  const personaId = useApp((s) => s.personaId);
  const setPersona = useApp((s) => s.setPersona);
  const journey = useApp((s) => s.journey);
  const publicBaseUrl = useApp((s) => s.brand?.publicBaseUrl ?? '');
  const imageData = useApp((s) => s.imageData);
  const [width, setWidth] = useState<keyof typeof WIDTHS>('desktop');
  const [dark, setDark] = useState(false);
  const persona = findPersona(personaId);
  const imageIds = useMemo(
    () => [
      ...new Set(
        [...(email?.html ?? '').matchAll(/cid:(img-[0-9a-f]+)@journey-studio/g)].map(
          (m) => m[1] as string,
        ),
      ),
    ],
    [email],
  );
  useEffect(() => {
    void store.getState().loadImageData(imageIds);
  }, [store, imageIds]);
  const scope: TemplateScope = useMemo(
    () => ({
      profile: persona.profile,
      event: { products: SAMPLE_PRODUCTS, ...persona.event },
      journey: { id: journey?.id ?? '', name: journey?.name ?? '' },
      unsubscribe_url: PREVIEW_UNSUBSCRIBE_URL,
      now: new Date(),
    }),
    [persona, journey?.id, journey?.name],
  );
  const rendered = useMemo(
    () => (email ? renderTemplate(email.html, 'html', scope) : undefined),
    [email, scope],
  );
  const failing = useMemo(
    () => (rendered && !rendered.ok ? failingBlock(design, scope) : undefined),
    [rendered, design, scope],
  );
  const frame = useMemo(() => {
    if (!rendered?.ok) return undefined;
    const html = rendered.text.replace(
      /cid:(img-[0-9a-f]+)@journey-studio/g,
      (whole, id: string) => imageData[id] || whole,
    );
    const doc = sandboxedEmail(html);
    return dark ? doc.replace('</head>', `<style>${darkModeCss()}</style></head>`) : doc;
  }, [rendered, imageData, dark]);
  const size = email ? new TextEncoder().encode(email.html).length : 0;
  return (
    <section className="design-preview" aria-label={t('designer.preview.title')}>
      <div className="design-preview-bar">
        <label className="visually-hidden" htmlFor="designer-persona">
          {t('designer.preview.as')}
        </label>
        <select
          id="designer-persona"
          className="select is-inline"
          value={persona.id}
          onChange={(e) => setPersona(e.target.value)}
          data-testid="designer-persona"
        >
          {PERSONAS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <div className="segmented" role="group" aria-label={t('designer.preview.width')}>
          {(Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((w) => (
            <button
              key={w}
              type="button"
              className={`button is-quiet${width === w ? ' is-on' : ''}`}
              aria-pressed={width === w}
              onClick={() => setWidth(w)}
              data-testid={`designer-width-${w}`}
            >
              {t(w === 'desktop' ? 'designer.preview.desktop' : 'designer.preview.mobile', {
                px: WIDTHS[w],
              })}
            </button>
          ))}
        </div>
        <label className="switch-row">
          <input
            type="checkbox"
            checked={dark}
            onChange={(e) => setDark(e.target.checked)}
            data-testid="designer-dark"
          />
          {t('designer.preview.dark')}
        </label>
      </div>
      <p className="designer-hint">
        {publicBaseUrl
          ? t('designer.preview.imagesHosted', { url: publicBaseUrl })
          : t('designer.preview.imagesEmbedded')}
        {' · '}
        {t('designer.preview.size', { kb: formats.number(size / 1024, 0) })}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {t('designer.preview.compileError', { error })}
        </p>
      )}
      {email?.problems.map((problem, i) => (
        <p key={i} className="field-error" role="alert" data-testid="designer-problem">
          {designProblemText(t, design, problem)}
          {problem.blockId && design.blocks.some((b) => b.id === problem.blockId) && (
            <>
              {' '}
              <button
                type="button"
                className="button is-quiet"
                onClick={() => onSelectBlock(problem.blockId as string)}
              >
                {t('designer.preview.showBlock')}
              </button>
            </>
          )}
        </p>
      ))}
      {rendered && !rendered.ok && (
        <div className="field-error" role="alert" data-testid="designer-liquid-error">
          {failing ? (
            <>
              {t('designer.preview.blockError', {
                index: failing.index,
                name: t(BLOCK_NAME[failing.block.type]),
                error: renderFailureText(t, formats, failing.failure, {
                  title: t('designer.preview.theText'),
                }),
              })}{' '}
              <button
                type="button"
                className="button is-quiet"
                onClick={() => onSelectBlock(failing.block.id)}
              >
                {t('designer.preview.showBlock')}
              </button>
            </>
          ) : (
            t('designer.preview.liquidError', {
              error: renderFailureText(t, formats, rendered, {
                title: t('designer.preview.theText'),
              }),
            })
          )}
        </div>
      )}
      {!email && !error && <p className="designer-hint">{t('designer.preview.building')}</p>}
      {frame && (
        <div className="design-preview-stage" style={{ width: WIDTHS[width] + 2 }}>
          <iframe
            className="design-preview-frame"
            title={t('designer.preview.frame', { name: persona.name })}
            sandbox=""
            referrerPolicy="no-referrer"
            srcDoc={frame}
            style={{ width: WIDTHS[width] }}
            data-testid="designer-preview-frame"
          />
        </div>
      )}
    </section>
  );
}
