import { useId, useState } from 'react';
import type { JourneyEdge, JourneyNode } from '../../core/model/journey';
import { NODE_KINDS, isEntryKind, nodeDefinition, type NodeKind } from '../../core/nodes/registry';
import { openPorts } from '../canvas/keyboard-words';
import { useT } from '../i18n/I18nProvider';
import { nodePorts } from '../nodes/card-shape';
import { kindWord, stepWords } from '../nodes/kind-words';
import { exitWords } from '../nodes/node-summary';
import { FormDialog } from '../panels/FormDialog';

/**
 * Adds a step of a chosen kind: after `anchor`, on a chosen free exit (the one given first), or,
 * with no anchor, on its own (a trigger to start with).
 */
export function AddStepDialog({
  anchor,
  port,
  edges,
  onAdd,
  onClose,
}: {
  anchor?: JourneyNode;
  port?: string;
  edges: readonly JourneyEdge[];
  onAdd: (kind: NodeKind, port: string | undefined) => void;
  onClose: () => void;
}) {
  const t = useT();
  const kindId = useId();
  const exitId = useId();
  // Nothing leads into a trigger: after a step, only the kinds that can follow one.
  const kinds = anchor ? NODE_KINDS.filter((k) => !isEntryKind(k)) : NODE_KINDS;
  const exits = anchor ? openPorts(nodePorts(anchor), anchor, edges) : [];
  const [kind, setKind] = useState<NodeKind>(kinds[0] as NodeKind);
  const [exit, setExit] = useState(exits.find((p) => p.id === port)?.id ?? exits[0]?.id);
  const name = anchor ? stepWords(t, anchor) : '';
  const blocked = anchor !== undefined && exits.length === 0;
  return (
    <FormDialog
      title={anchor ? t('outline.add.after', { step: name }) : t('outline.add.title')}
      onClose={onClose}
      testId="outline-add"
      action={{
        label: t('outline.add.action'),
        disabled: blocked,
        onPress: () => onAdd(kind, exit),
      }}
    >
      {blocked ? (
        <p>{t('outline.add.noExit', { step: name })}</p>
      ) : (
        <div className="form">
          <div className="field">
            <label className="field-label" htmlFor={kindId}>
              {t('outline.add.kind')}
            </label>
            <select
              id={kindId}
              className="select"
              value={kind}
              onChange={(e) => setKind(e.target.value as NodeKind)}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {kindWord(t, k, nodeDefinition(k).label)}
                </option>
              ))}
            </select>
          </div>
          {/* The exit is said even when one is free, unless it is the plain "next". */}
          {anchor && exits.some((p) => p.id !== 'next') && (
            <div className="field">
              <label className="field-label" htmlFor={exitId}>
                {t('outline.add.exit')}
              </label>
              <select
                id={exitId}
                className="select"
                value={exit}
                onChange={(e) => setExit(e.target.value)}
              >
                {exits.map((p) => (
                  <option key={p.id} value={p.id}>
                    {exitWords(t, anchor, p)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      )}
    </FormDialog>
  );
}
