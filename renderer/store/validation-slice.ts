import type { StateCreator } from 'zustand';
import type { Journey } from '../../core/model/journey';
import type { ValidationIssue } from '../../core/validation/catalogue';
import { validateJourney, type ValidationResult } from '../../core/validation/validate';
import type { AppState } from './app-store';

export interface ValidationSlice {
  /** The validator's verdict on the journey being edited; derived, never edited. */
  validation: ValidationResult;
  /** Each node's findings, errors first. Arrays keep their identity while their content does. */
  issuesByNode: ReadonlyMap<string, readonly ValidationIssue[]>;
}

const EMPTY: ValidationResult = { issues: [], errors: 0, warnings: 0, valid: true };

export const createValidationSlice: StateCreator<AppState, [], [], ValidationSlice> = () => ({
  validation: EMPTY,
  issuesByNode: new Map(),
});

const RANK = { error: 0, warning: 1, info: 2 } as const;

function fingerprint(issues: readonly ValidationIssue[]): string {
  return issues
    .map((i) => `${i.code}\u0000${i.message}\u0000${i.path?.join('.') ?? ''}`)
    .join('\u0001');
}

/** Validates the journey and groups the findings by node, reusing unchanged groups. */
export function deriveValidation(
  journey: Journey | null,
  previous: ReadonlyMap<string, readonly ValidationIssue[]>,
): ValidationSlice {
  if (!journey) return { validation: EMPTY, issuesByNode: new Map() };
  // Steps are named by their titles where the issue is worded (i18n/issue-words.ts), from the
  // issue's values; the validator's own sentence stays as the core wrote it.
  const validation = validateJourney(journey);
  const grouped = new Map<string, ValidationIssue[]>();
  for (const issue of validation.issues) {
    if (issue.nodeId === undefined) continue;
    const list = grouped.get(issue.nodeId) ?? [];
    list.push(issue);
    grouped.set(issue.nodeId, list);
  }
  const issuesByNode = new Map<string, readonly ValidationIssue[]>();
  for (const [id, list] of grouped) {
    list.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const old = previous.get(id);
    issuesByNode.set(id, old && fingerprint(old) === fingerprint(list) ? old : list);
  }
  return { validation, issuesByNode };
}
