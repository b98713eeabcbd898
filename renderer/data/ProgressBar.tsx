import { useFormats } from '../i18n/format';

/** A determinate progress bar with its label and share, for imports and simulations. */
export function ProgressBar({
  label,
  done,
  total,
}: {
  label: string;
  done: number;
  total: number;
}) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const percent = Math.round(share * 100);
  const f = useFormats();
  return (
    <div className="progress" data-testid="progress">
      <div className="progress-head">
        <span>{label}</span>
        <span className="progress-share">{f.percent(percent / 100, 0)}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
