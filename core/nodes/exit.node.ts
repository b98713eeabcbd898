import { z } from 'zod';
import { defineNode } from './node-definition';

export const exitConfigSchema = z.looseObject({});
export type ExitConfig = z.infer<typeof exitConfigSchema>;

/**
 * Ends the enrollment here. A port without a connection ends it too ("completed"); an exit node
 * says so explicitly, and is counted as an exit.
 *
 * @example
 * { "id": "done", "kind": "exit", "config": {} }
 */
export const exitNode = defineNode({
  kind: 'exit',
  label: 'Exit',
  category: 'end',
  description: 'Profiles leave the journey here.',
  schema: exitConfigSchema,
  configKeys: [],
  defaults: () => ({}),
  ports: () => [],
  check: () => [],
  summary: () => 'Exit journey',
  step: () => ({ type: 'exit' }),
});
