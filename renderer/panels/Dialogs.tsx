import { useState, type ReactNode } from 'react';
import { SHORTCUT_GROUPS } from '../canvas/shortcuts';
import { GenerateDialog } from '../data/GenerateDialog';
import { ImportDialog } from '../data/ImportDialog';
import { SmtpDialog } from '../execution/SmtpDialog';
import { BrandKitDialog } from '../brand/BrandKitDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { SendingPolicyDialog } from '../policy/SendingPolicyDialog';
import { useApp, useAppStore } from '../store/app-store';
import type { Dialog } from '../store/ui-slice';
import { Modal } from './Modal';

/** Whichever question the app is asking right now. */
export function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  if (!dialog) return null;
  return <DialogView key={dialog.type} dialog={dialog} />;
}

function DialogView({ dialog }: { dialog: Dialog }) {
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
          title="Delete this journey?"
          busy={busy}
          onDelete={() => void actions.deleteJourney(dialog.id)}
        >
          “{dialog.name}” will be removed from the library. Export it first if you may want it back.
        </ConfirmDelete>
      );
    case 'import-problems':
      return (
        <Modal
          title="This file cannot be imported"
          onClose={close}
          wide
          actions={
            <button type="button" className="button is-primary" onClick={close}>
              OK
            </button>
          }
        >
          <p>
            <strong>{dialog.fileName}</strong> is not a journey file Journey Studio can read.
            Nothing was changed.
          </p>
          <ul className="problem-list" data-testid="import-problems">
            {dialog.problems.map((problem, i) => (
              <li key={i}>
                {problem.line !== undefined && (
                  <span className="problem-where">
                    Line {problem.line}
                    {problem.column !== undefined ? `:${problem.column}` : ''}
                  </span>
                )}
                <span>{problem.message}</span>
              </li>
            ))}
          </ul>
        </Modal>
      );
    case 'import-exists':
      return (
        <Modal
          title="A journey with this id exists"
          onClose={close}
          actions={
            <>
              <button type="button" className="button is-quiet" onClick={close}>
                Cancel
              </button>
              <button
                type="button"
                className="button"
                onClick={() => void actions.importJourneyFile(dialog.fileName, dialog.text, 'copy')}
              >
                Keep both
              </button>
              <button
                type="button"
                className="button is-danger"
                onClick={() =>
                  void actions.importJourneyFile(dialog.fileName, dialog.text, 'replace')
                }
              >
                Replace
              </button>
            </>
          }
        >
          <p>
            The library already has a journey with the id <code>{dialog.id}</code>. Replace it with
            “{dialog.name}” from <strong>{dialog.fileName}</strong>, or keep both?
          </p>
        </Modal>
      );
    case 'save-conflict':
      return (
        <Modal
          title="Saved elsewhere meanwhile"
          onClose={close}
          actions={
            <>
              <button type="button" className="button is-quiet" onClick={close}>
                Keep editing
              </button>
              <button type="button" className="button" onClick={() => void actions.reloadJourney()}>
                Load their version
              </button>
              <button
                type="button"
                className="button is-danger"
                onClick={() => {
                  close();
                  void actions.save({ overwrite: true });
                }}
              >
                Save mine over it
              </button>
            </>
          }
        >
          <p data-testid="conflict-message">
            This journey was saved in another window after you opened it, so saving now would
            overwrite those changes. Your changes are still here.
          </p>
        </Modal>
      );
    case 'leave-unsaved':
      return (
        <Modal
          title="Leave without saving?"
          onClose={close}
          actions={
            <>
              <button type="button" className="button is-quiet" onClick={close}>
                Cancel
              </button>
              <button
                type="button"
                className="button is-danger"
                onClick={() => {
                  close();
                  actions.goToLibrary(true);
                }}
              >
                Discard changes
              </button>
              <button
                type="button"
                className="button is-primary"
                onClick={() => {
                  close();
                  void actions.save().then((saved) => saved && actions.goToLibrary(true));
                }}
              >
                Save and leave
              </button>
            </>
          }
        >
          <p>This journey has changes that are not saved yet.</p>
        </Modal>
      );
    case 'import-data':
      return <ImportDialog />;
    case 'generate-data':
      return <GenerateDialog forSimulation={dialog.forSimulation} />;
    case 'delete-dataset':
      return (
        <ConfirmDelete
          title="Delete this data set?"
          onDelete={() => void actions.deleteDataset(dialog.id)}
        >
          “{dialog.name}” will be removed. Simulation runs made with it keep their results, but
          cannot be traced any more.
        </ConfirmDelete>
      );
    case 'smtp-settings':
      return <SmtpDialog />;
    case 'brand-kit':
      return <BrandKitDialog />;
    case 'library-settings':
      return <SettingsDialog />;
    case 'sending-policy':
      return <SendingPolicyDialog />;
    case 'shortcuts':
      return (
        <Modal title="Keyboard shortcuts" onClose={close} wide>
          <div className="shortcuts">
            {SHORTCUT_GROUPS.map((group) => (
              <section key={group.title}>
                <h3 className="section-title">{group.title}</h3>
                <dl>
                  {group.items.map(([keys, what]) => (
                    <div className="shortcut" key={keys}>
                      <dt>
                        {keys.split(' / ').map((k, i) => (
                          <span key={k}>
                            {i > 0 && ' / '}
                            <kbd>{k}</kbd>
                          </span>
                        ))}
                      </dt>
                      <dd>{what}</dd>
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
  const template = templates.find((t) => t.id === choice);
  const [name, setName] = useState(template?.name ?? '');
  const { closeDialog, createJourney } = store.getState();
  const submit = () => {
    if (name.trim()) void createJourney(name.trim(), choice || undefined);
  };
  return (
    <Modal
      title="New journey"
      onClose={closeDialog}
      wide
      actions={
        <>
          <button type="button" className="button is-quiet" onClick={closeDialog}>
            Cancel
          </button>
          <button
            type="button"
            className="button is-primary"
            disabled={!name.trim() || busy}
            onClick={submit}
          >
            Create
          </button>
        </>
      }
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
            Name
          </label>
          <input
            id="new-name"
            className="input"
            value={name}
            placeholder="e.g. Abandoned cart"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <div className="field-label" id="new-start-label">
            Start from
          </div>
          <div className="template-grid" role="radiogroup" aria-labelledby="new-start-label">
            <button
              type="button"
              role="radio"
              aria-checked={choice === ''}
              className={`template-card${choice === '' ? ' is-on' : ''}`}
              onClick={() => setChoice('')}
            >
              <strong>Blank canvas</strong>
              <span>Start from nothing and draw your own.</span>
            </button>
            {templates.map((t) => (
              <button
                key={t.id}
                type="button"
                role="radio"
                aria-checked={choice === t.id}
                className={`template-card${choice === t.id ? ' is-on' : ''}`}
                onClick={() => {
                  setChoice(t.id);
                  if (!name.trim() || templates.some((o) => o.name === name)) setName(t.name);
                }}
              >
                <strong>{t.name}</strong>
                <span>{t.description}</span>
              </button>
            ))}
          </div>
        </div>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}

function RenameDialog({ id, name: initial }: { id: string; name: string }) {
  const store = useAppStore();
  const [name, setName] = useState(initial);
  const { closeDialog, renameJourney } = store.getState();
  return (
    <Modal
      title="Rename journey"
      onClose={closeDialog}
      actions={
        <>
          <button type="button" className="button is-quiet" onClick={closeDialog}>
            Cancel
          </button>
          <button
            type="button"
            className="button is-primary"
            disabled={!name.trim()}
            onClick={() => void renameJourney(id, name.trim())}
          >
            Rename
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void renameJourney(id, name.trim());
        }}
      >
        <label className="field-label" htmlFor="rename-name">
          Name
        </label>
        <input
          id="rename-name"
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </form>
    </Modal>
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
  return (
    <Modal
      title={title}
      onClose={close}
      actions={
        <>
          <button type="button" className="button is-quiet" onClick={close}>
            Keep it
          </button>
          <button type="button" className="button is-danger" disabled={busy} onClick={onDelete}>
            Delete
          </button>
        </>
      }
    >
      <p>{children}</p>
    </Modal>
  );
}
