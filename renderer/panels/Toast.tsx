import { useEffect } from 'react';
import { CloseIcon } from '../nodes/icons';
import { useApp } from '../store/app-store';
import { useT } from '../i18n/I18nProvider';
import { say } from '../i18n/words';

const DURATION: Record<string, number> = { info: 3500, success: 2500, warning: 6000, error: 9000 };

/** One short message at a time, at the bottom of the window; errors stay longer. */
export function Toast() {
  const t = useT();
  const notice = useApp((s) => s.notice);
  const dismiss = useApp((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, DURATION[notice.tone] ?? 4000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div
      className={`toast is-${notice.tone}`}
      role={notice.tone === 'error' || notice.tone === 'warning' ? 'alert' : 'status'}
      data-testid="toast"
    >
      <span>{say(t, notice.words)}</span>
      <button
        type="button"
        className="icon-button"
        onClick={dismiss}
        aria-label={t('toast.dismiss')}
      >
        <CloseIcon size={14} />
      </button>
    </div>
  );
}
