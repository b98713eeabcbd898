import { CloseIcon, PlusIcon } from '../nodes/icons';

/** Adds an optional field that is left out (a duration: "Add shift"). */
export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button is-quiet is-small" onClick={onClick}>
      <PlusIcon size={14} /> {label}
    </button>
  );
}

/** Leaves an optional field out again. */
export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <CloseIcon size={14} />
    </button>
  );
}
