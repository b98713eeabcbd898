export interface Choice {
  value: string;
  title: string;
}

export interface ChoiceListProps {
  /** The id of the element that names the group. */
  labelledBy: string;
  options: readonly Choice[];
  value: unknown;
  /** Called with the option picked, when it is not the current one. */
  onChange: (value: string) => void;
}

/** Options a segmented control holds in the inspector's width. */
const SEGMENTS = 4;

/**
 * One of a few options, as radio buttons: a segmented control when there are few and every title
 * is short, a list of choices otherwise (what a journey is for has eight).
 */
export function ChoiceList({ labelledBy, options, value, onChange }: ChoiceListProps) {
  const compact = options.length <= SEGMENTS && options.every((o) => o.title.length <= 18);
  return (
    <div
      className={compact ? 'segmented' : 'choice-list'}
      role="radiogroup"
      aria-labelledby={labelledBy}
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={option.value === value}
          className={`choice${option.value === value ? ' is-on' : ''}`}
          onClick={() => {
            if (option.value !== value) onChange(option.value);
          }}
        >
          {!compact && <span className="choice-dot" aria-hidden="true" />}
          {option.title}
        </button>
      ))}
    </div>
  );
}
