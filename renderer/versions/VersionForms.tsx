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
      <div className="field">
        <label className="field-label" htmlFor={`${id}-note`}>
          {t('history.noteLabel')}
        </label>
        <textarea
          id={`${id}-note`}
          className="input"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-by`}>
          {t('history.byLabel')}
        </label>
        <input
          id={`${id}-by`}
          className="input"
          maxLength={120}
          value={by}
          onChange={(e) => setBy(e.target.value)}
        />
      </div>
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
      <div className="field">
        <label className="field-label" htmlFor={`${id}-name`}>
          {t('history.name')}
        </label>
        <input
          id={`${id}-name`}
          className="input"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-role`}>
          {t('history.role')}
        </label>
        <input
          id={`${id}-role`}
          className="input"
          required
          maxLength={120}
          value={role}
          onChange={(e) => setRole(e.target.value)}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-comment`}>
          {t('history.comment')}
        </label>
        <textarea
          id={`${id}-comment`}
          className="input"
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
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
