import type { JourneyNode } from '../../core/model/journey';
import { useT } from '../i18n/I18nProvider';
import { stepWords } from '../nodes/kind-words';
import { FormDialog } from './FormDialog';

/**
 * Asks before steps go — one by its name, several by their number — from the canvas's Delete key
 * or the outline; Cancel keeps them.
 */
export function DeleteStepsDialog({
  nodes,
  onDelete,
  onClose,
}: {
  nodes: readonly JourneyNode[];
  onDelete: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const [only] = nodes;
  const step = only ? stepWords(t, only) : '';
  const count = nodes.length;
  return (
    <FormDialog
      title={count === 1 ? t('deleteSteps.title', { step }) : t('deleteSteps.titleMany', { count })}
      onClose={onClose}
      testId="delete-steps"
      action={{
        label: t('deleteSteps.action', { count }),
        tone: 'danger',
        onPress: onDelete,
      }}
    >
      <p>{count === 1 ? t('deleteSteps.text', { step }) : t('deleteSteps.textMany', { count })}</p>
    </FormDialog>
  );
}
