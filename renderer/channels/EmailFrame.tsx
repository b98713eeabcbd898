import { useMemo, useState } from 'react';
import { framedEmail } from '../execution/email-frame';
import { useT } from '../i18n/I18nProvider';

interface Props {
  html: string;
  title: string;
  className: string;
  testId?: string;
}

/**
 * An email in a sandboxed frame, as a mail client that protects its reader shows it: nothing
 * runs, and images from the internet (tracking pixels among them) stay out until the user asks
 * for them. Used by the inspector's preview, the outbox and a traced profile's messages.
 */
export function EmailFrame({ html, title, className, testId }: Props) {
  const t = useT();
  const [remoteImages, setRemoteImages] = useState(false);
  const framed = useMemo(() => framedEmail(html, remoteImages), [html, remoteImages]);
  return (
    <>
      {framed.hidden > 0 && (
        <div className="email-images" role="note" data-testid="email-images">
          <span>{t('emailFrame.hidden', { count: framed.hidden })}</span>
          <button type="button" className="button is-small" onClick={() => setRemoteImages(true)}>
            {t('emailFrame.show')}
          </button>
        </div>
      )}
      <iframe
        className={className}
        title={title}
        sandbox=""
        referrerPolicy="no-referrer"
        srcDoc={framed.document}
        data-testid={testId}
      />
    </>
  );
}
