import { useId, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { useAppStore } from '../store/app-store';

/** Writes what a version is for, and who says so. */
export function NoteForm(props: { version: number; note: string; by: string; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const store = useAppStore();
  const [note, setNote] = useState(props.note);
  const [by, setBy] = useState(props.by);
  return (
    <form
      className="form history-form"
      onSubmit={(e) => {
        e.preventDefault();
        void store
          .getState()
          .setVersionNote(props.version, note, by)
          .then((ok) => ok && props.onDone());
      }}
    >
      <TextField
        id={`${id}-note`}
        label={t('history.noteLabel')}
        multiline
        maxLength={2000}
        value={note}
        onChange={setNote}
      />
      <TextField
        id={`${id}-by`}
        label={t('history.byLabel')}
        maxLength={120}
        value={by}
        onChange={setBy}
      />
      <div className="form-actions">
        <button type="button" className="button is-quiet" onClick={props.onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button is-primary">
          {t('history.saveNote')}
        </button>
      </div>
    </form>
  );
}

/** Records an approval of a version: name, role and a comment. */
export function ApproveForm(props: { version: number; onDone: () => void }) {
  const t = useT();
  const id = useId();
  const store = useAppStore();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [comment, setComment] = useState('');
  return (
    <form
      className="form history-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void store
          .getState()
          .approveVersion(props.version, { name, role, comment })
          .then((ok) => ok && props.onDone());
      }}
    >
      <h4 id={`${id}-title`} className="history-subtitle">
        {t('history.approveTitle', { version: props.version })}
      </h4>
      <p className="field-help">{t('history.approveNote', { version: props.version })}</p>
      <TextField
        id={`${id}-name`}
        label={t('history.name')}
        required
        maxLength={120}
        value={name}
        onChange={setName}
      />
      <TextField
        id={`${id}-role`}
        label={t('history.role')}
        required
        maxLength={120}
        value={role}
        onChange={setRole}
      />
      <TextField
        id={`${id}-comment`}
        label={t('history.comment')}
        multiline
        maxLength={2000}
        value={comment}
        onChange={setComment}
      />
      <div className="form-actions">
        <button type="button" className="button is-quiet" onClick={props.onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button is-primary">
          {t('history.approveSubmit')}
        </button>
      </div>
    </form>
  );
}

/** A labelled text box (a few lines with `multiline`), as both forms ask for their fields. */
function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
  required?: boolean;
}) {
  const { id, label, multiline, onChange, ...box } = props;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea
          id={id}
          className="input"
          rows={2}
          onChange={(e) => onChange(e.target.value)}
          {...box}
        />
      ) : (
        <input id={id} className="input" onChange={(e) => onChange(e.target.value)} {...box} />
      )}
    </div>
  );
}
