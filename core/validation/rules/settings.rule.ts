import { settingsProblems } from '../../model/journey-settings';
import { issue, type ValidationIssue } from '../catalogue';
import type { ValidationRule } from '../rule';

/** Journey settings: each has the shape and values its schema (model/journey-settings) allows. */
export const settingsRule: ValidationRule = {
  id: 'settings',
  check(graph) {
    return settingsProblems(graph.journey.settings as unknown).map((draft): ValidationIssue =>
      issue(draft.code, {
        path: ['settings', ...(draft.path ?? [])],
        values: { field: draft.path?.map(String).join('.') ?? '', ...draft.values },
        message: draft.message,
      }),
    );
  },
};
