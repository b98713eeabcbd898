import { useState, type ReactNode } from 'react';
import { starterWords } from '../library/starter-words';
import { fileProblemWords } from '../library/file-problem-words';
import { FormattedMessage } from 'react-intl';
import { MOD, SHORTCUT_GROUPS } from '../canvas/shortcuts';
import { GenerateDialog } from '../data/GenerateDialog';
import { ImportDialog } from '../data/ImportDialog';
import { SmtpDialog } from '../execution/SmtpDialog';
import { BrandKitDialog } from '../brand/BrandKitDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { SendingPolicyDialog } from '../policy/SendingPolicyDialog';
import { useApp, useAppStore } from '../store/app-store';
import type { Dialog } from '../store/ui-slice';
import { SignOffPackDialog } from '../versions/SignOffPackDialog';
import { VersionHistoryDialog } from '../versions/VersionHistoryDialog';
import { useT } from '../i18n/I18nProvider';
import { say } from '../i18n/words';
import type { MessageId } from '../i18n/messages';
import { kindWord } from '../nodes/kind-words';
import { FormDialog } from './FormDialog';
import { Modal } from './Modal';

const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
const code = (chunks: ReactNode[]) => <code>{chunks}</code>;

/** A catalogue message with markup (`<b>`, `<code>`) drawn as elements. */
function Rich({ id, values }: { id: MessageId; values: Record<string, string> }) {
  return <FormattedMessage id={id} values={{ ...values, b: strong, code }} />;
}

/** Whichever question the app is asking right now. */
export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  if (!dialog) return null;
  return <DialogView key={dialog.type} dialog={dialog} />;
}

function DialogView({ dialog }: { dialog: Dialog }) {
  const t = useT();
  const store = useAppStore();
  const actions = store.getState();
  const close = actions.closeDialog;
  const busy = useApp((s) => s.busy);
  switch (dialog.type) {
    case 'new-journey':
      return <NewJourneyDialog templateId={dialog.templateId} />;
    case 'rename':
      return <RenameDialog id={dialog.id} name={dialog.name} />;
    case 'delete':
      return (
        <ConfirmDelete
          title={t('dialog.delete.title')}
          busy={busy}
          onDelete={() => void actions.deleteJourney(dialog.id)}
        >
          {t('dialog.delete.text', { name: dialog.name })}
        </ConfirmDelete>
      );
    case 'import-problems':
      return (
        <Modal
          title={t('dialog.importProblems.title')}
          onClose={close}
          wide
          actions={
            <button type="button" className="button is-primary" onClick={close}>
              {t('dialog.ok')}
            </button>
          }
        >
          <p>
            <Rich id="dialog.importProblems.text" values={{ file: dialog.fileName }} />
          </p>
          <ul className="problem-list" data-testid="import-problems">
            {dialog.problems.map((problem, i) => (
              <li key={i}>
                {problem.line !== undefined && (
                  <span className="problem-where">
                    {problem.column !== undefined
                      ? t('dialog.importProblems.lineColumn', {
                          line: problem.line,
                          column: problem.column,
                        })
                      : t('dialog.importProblems.line', { line: problem.line })}
                  </span>
                )}
                <span>{say(t, fileProblemWords(problem))}</span>
              </li>
            ))}
          </ul>
        </Modal>
      );
    case 'import-exists':
      return (
        <FormDialog
          title={t('dialog.importExists.title')}
          onClose={close}
          more={
            <button
              type="button"
              className="button"
              onClick={() => void actions.importJourneyFile(dialog.fileName, dialog.text, 'copy')}
            >
              {t('dialog.importExists.keepBoth')}
            </button>
          }
          action={{
            label: t('dialog.importExists.replace'),
            tone: 'danger',
            onPress: () => void actions.importJourneyFile(dialog.fileName, dialog.text, 'replace'),
          }}
        >
          <p>
            <Rich
              id="dialog.importExists.text"
              values={{ id: dialog.id, name: dialog.name, file: dialog.fileName }}
            />
          </p>
        </FormDialog>
      );
    case 'save-conflict':
      return (
        <FormDialog
          title={t('dialog.conflict.title')}
          onClose={close}
          closeLabel={t('dialog.conflict.keepEditing')}
          more={
            <button type="button" className="button" onClick={() => void actions.reloadJourney()}>
              {t('dialog.conflict.load')}
            </button>
          }
          action={{
            label: t('dialog.conflict.overwrite'),
            tone: 'danger',
            onPress: () => {
              close();
              void actions.save({ overwrite: true });
            },
          }}
        >
          <p data-testid="conflict-message">{t('dialog.conflict.text')}</p>
        </FormDialog>
      );
    case 'leave-unsaved':
      return (
        <FormDialog
          title={t('dialog.leave.title')}
          onClose={close}
          more={
            <button
              type="button"
              className="button is-danger"
              onClick={() => {
                close();
                actions.goToLibrary(true);
              }}
            >
              {t('dialog.leave.discard')}
            </button>
          }
          action={{
            label: t('dialog.leave.save'),
            onPress: () => {
              close();
              void actions.save().then((saved) => saved && actions.goToLibrary(true));
            },
          }}
        >
          <p>{t('dialog.leave.text')}</p>
        </FormDialog>
      );
    case 'import-data':
      return <ImportDialog />;
    case 'generate-data':
      return <GenerateDialog forSimulation={dialog.forSimulation} />;
    case 'delete-dataset':
      return (
        <ConfirmDelete
          title={t('dialog.deleteData.title')}
          onDelete={() => void actions.deleteDataset(dialog.id)}
        >
          {t('dialog.deleteData.text', { name: dialog.name })}
        </ConfirmDelete>
      );
    case 'smtp-settings':
      return <SmtpDialog />;
    case 'brand-kit':
      return <BrandKitDialog />;
    case 'library-settings':
      return <SettingsDialog />;
    case 'version-history':
      return <VersionHistoryDialog />;
    case 'sign-off-pack':
      return (
        <SignOffPackDialog {...(dialog.version !== undefined && { version: dialog.version })} />
      );
    case 'sending-policy':
      return <SendingPolicyDialog />;
    case 'shortcuts':
      return (
        <Modal title={t('shortcuts.title')} onClose={close} wide>
          <div className="shortcuts">
            {SHORTCUT_GROUPS.map((group) => (
              <section key={group.title}>
                <h3 className="section-title">{t(group.title)}</h3>
                <dl>
                  {group.items.map((item) => (
                    <div className="shortcut" key={item.keys}>
                      <dt>
                        {(item.keysWord ? t(item.keysWord, { mod: MOD }) : item.keys)
                          .split(' / ')
                          .map((k, i) => (
                            <span key={k}>
                              {i > 0 && ' / '}
                              <kbd>{k}</kbd>
                            </span>
                          ))}
                      </dt>
                      <dd>
                        {t(item.what, {
                          kind: item.kind ? kindWord(t, item.kind, item.kind).toLowerCase() : '',
                        })}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </Modal>
      );
  }
}

function NewJourneyDialog({ templateId }: { templateId?: string }) {
  const store = useAppStore();
  const templates = useApp((s) => s.templates);
  const busy = useApp((s) => s.busy);
  const [choice, setChoice] = useState(templateId ?? '');
  const t = useT();
  // The starters' names and descriptions in the language; a new journey takes the name as said.
  const worded = templates.map((template) => ({ template, words: starterWords(t, template) }));
  const chosen = worded.find((o) => o.template.id === choice);
  const [name, setName] = useState(chosen?.words.name ?? '');
  const { closeDialog, createJourney } = store.getState();
  const submit = () => {
    if (name.trim()) void createJourney(name.trim(), choice || undefined);
  };
  return (
    <FormDialog
      title={t('dialog.new.title')}
      onClose={closeDialog}
      wide
      action={{ label: t('dialog.new.create'), onPress: submit, disabled: !name.trim() || busy }}
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="new-name">
            {t('dialog.new.name')}
          </label>
          <input
            id="new-name"
            className="input"
            value={name}
            placeholder={t('dialog.new.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <div className="field-label" id="new-start-label">
            {t('dialog.new.startFrom')}
          </div>
          <div className="template-grid" role="radiogroup" aria-labelledby="new-start-label">
            <button
              type="button"
              role="radio"
              aria-checked={choice === ''}
              className={`template-card${choice === '' ? ' is-on' : ''}`}
              onClick={() => setChoice('')}
            >
              <strong>{t('dialog.new.blank')}</strong>
              <span>{t('dialog.new.blankText')}</span>
            </button>
            {worded.map(({ template, words }) => (
              <button
                key={template.id}
                type="button"
                role="radio"
                aria-checked={choice === template.id}
                className={`template-card${choice === template.id ? ' is-on' : ''}`}
                onClick={() => {
                  setChoice(template.id);
                  if (!name.trim() || worded.some((o) => o.words.name === name))
                    setName(words.name);
                }}
              >
                <strong>{words.name}</strong>
                <span>{words.description}</span>
              </button>
            ))}
          </div>
        </div>
        <button type="submit" hidden />
      </form>
    </FormDialog>
  );
}

function RenameDialog({ id, name: initial }: { id: string; name: string }) {
  const store = useAppStore();
  const [name, setName] = useState(initial);
  const { closeDialog, renameJourney } = store.getState();
  const t = useT();
  return (
    <FormDialog
      title={t('dialog.rename.title')}
      onClose={closeDialog}
      action={{
        label: t('dialog.rename.confirm'),
        onPress: () => void renameJourney(id, name.trim()),
        disabled: !name.trim(),
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void renameJourney(id, name.trim());
        }}
      >
        <label className="field-label" htmlFor="rename-name">
          {t('dialog.new.name')}
        </label>
        <input
          id="rename-name"
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </form>
    </FormDialog>
  );
}

/** Asks before deleting: “Keep it” closes, “Delete” does it (held while `busy`). */
function ConfirmDelete({
  title,
  busy = false,
  onDelete,
  children,
}: {
  title: string;
  busy?: boolean;
  onDelete: () => void;
  children: ReactNode;
}) {
  const close = useApp((s) => s.closeDialog);
  const t = useT();
  return (
    <FormDialog
      title={title}
      onClose={close}
      closeLabel={t('dialog.keep')}
      action={{ label: t('dialog.delete'), tone: 'danger', onPress: onDelete, disabled: busy }}
    >
      <p>{children}</p>
    </FormDialog>
  );
}
