// @ts-check
import { noKindLiterals } from './no-kind-literals.js';

/** The project's own lint rules. */
export const journeyPlugin = {
  meta: { name: 'journey' },
  rules: { 'no-kind-literals': noKindLiterals },
};
