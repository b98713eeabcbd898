import { useMemo } from 'react';
import { isNodeKind, nodeDefinition } from '../../core/nodes/registry';
import { InfoIcon } from '../nodes/icons';
import { kindDescription, kindWord } from '../nodes/kind-words';
import { nodeView } from '../nodes/registry';
import { useApp } from '../store/app-store';
import { errorsByField, unplacedErrors } from './field-errors';
import { isRecord } from '../../core/model/json-text';
import { nodeSchema, variantsOf, type JsonSchema } from './json-schema';
import { SchemaForm } from './SchemaForm';
import { useIssueWords } from '../i18n/issue-words';
import { useT } from '../i18n/I18nProvider';
import { useSchemaInWords } from './field-words';

const NO_ISSUES = [] as const;

/** A schema for a kind that is not one: the form shows nothing. */
const NO_SCHEMA: JsonSchema = {};

/** The inspector for one step: its name, its problems, and the form generated from its schema. */
export function NodeInspector({ nodeId }: { nodeId: string }) {
  const node = useApp((s) => s.journey?.nodes.find((n) => n.id === nodeId));
  const issues = useApp((s) => s.issuesByNode.get(nodeId) ?? NO_ISSUES);
  const updateConfig = useApp((s) => s.updateConfig);
  const updateLabel = useApp((s) => s.updateLabel);
  const words = useIssueWords();
  const t = useT();
  const errors = useMemo(() => errorsByField(issues, words), [issues, words]);
  const kind = node?.kind ?? '';
  const schema = useSchemaInWords(isNodeKind(kind) ? nodeSchema(kind) : NO_SCHEMA, kind);
  if (!node || !isNodeKind(node.kind)) return null;
  const definition = nodeDefinition(node.kind);
  const view = nodeView(node.kind);
  const kindName = kindWord(t, node.kind, definition.label);
  const Icon = view?.Icon;
  const Extra = view?.InspectorExtra;
  const variants = variantsOf(schema);
  const activeSchema = variants
    ? variants.options.find((o) => o.value === node.config[variants.key])?.schema
    : schema;
  const shown = new Set<string>([
    ...Object.keys(activeSchema?.properties ?? {}),
    ...(variants ? [variants.key] : []),
    ...(schema.widget === 'condition' ? [''] : []),
  ]);
  const general = unplacedErrors(errors, shown);
  const notes = issues.filter((i) => i.severity === 'info');

  return (
    <div className="inspector-body" data-testid="node-inspector" data-node-id={nodeId}>
      <header className={`inspector-head cat-${definition.category}`}>
        <span className="node-icon">{Icon && <Icon size={18} />}</span>
        <div className="inspector-head-text">
          <span className="inspector-kind">
            {t('inspector.step.kind', {
              kind: kindName,
              category: t(`palette.category.${definition.category}`),
            })}
          </span>
          <input
            className="inspector-name"
            value={node.label ?? ''}
            placeholder={kindName}
            aria-label={t('inspector.step.name')}
            onChange={(e) => updateLabel(node.id, e.target.value)}
            onBlur={(e) => updateLabel(node.id, e.target.value.trim())}
          />
        </div>
      </header>
      <p className="inspector-description">
        {kindDescription(t, node.kind, definition.description)}
      </p>
      {general.length > 0 && (
        <ul className="inspector-problems" aria-label={t('inspector.step.problems')}>
          {general.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="form">
        <SchemaForm
          schema={schema}
          value={isRecord(node.config) ? node.config : {}}
          errors={errors}
          view={view}
          idPrefix={`cfg-${node.id}`}
          onChange={(config, renamed) => updateConfig(node.id, config, renamed)}
        />
      </div>
      {Extra && <Extra node={node} />}
      {notes.length > 0 && (
        <ul className="inspector-notes" aria-label={t('inspector.step.notes')}>
          {notes.map((note) => (
            <li key={note.message}>
              <InfoIcon size={14} />
              {words(note)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
