import { isMailbox } from '../../../core/channels/email.channel';
import { useT } from '../../i18n/I18nProvider';

export interface EmailAddressInputProps {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  /** Whether the field may be left empty (it then leaves the config). */
  required: boolean;
  placeholder?: string;
}

/**
 * An email address, with a name or without (`Shop <shop@example.com>`), checked as it is typed
 * by the same rule the engine sends by: while it is not an address the field says so to the
 * eye and to screen readers, and the validator's message below says why.
 */
export function EmailAddressInput({
  id,
  value,
  onChange,
  required,
  placeholder,
}: EmailAddressInputProps) {
  const t = useT();
  const text = value ?? '';
  const invalid = text.trim() !== '' && !isMailbox(text);
  return (
    <input
      id={id}
      className={`input${invalid ? ' is-invalid' : ''}`}
      type="text"
      inputMode="email"
      autoComplete="off"
      spellCheck={false}
      value={text}
      placeholder={placeholder ?? t('inspector.email.placeholder')}
      aria-invalid={invalid || undefined}
      onChange={(e) => onChange(e.target.value === '' && !required ? undefined : e.target.value)}
    />
  );
}
