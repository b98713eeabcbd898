import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const probe = `lint-probe-${process.pid}.ts`;
/** Where code may not compare kinds, and where the kinds are defined. */
const outside = join(root, 'core/simulator', probe);
const inside = join(root, 'core/nodes', probe);

const CODE = `import type { JourneyNode } from '../model/journey';

export function describeNode(
  node: JourneyNode,
  dataset: { kind: 'events' | 'profiles' },
  wake: { kind: 'enrollment' | 'segment' },
): string {
  if (node.kind === 'message') return 'sends';
  if (node.config.on !== 'date') return 'not dated';
  switch (node.config.channel) {
    case 'webhook':
      return 'reaches a system';
    default:
      break;
  }
  if (dataset.kind === 'events' || wake.kind === 'enrollment') return 'other kinds of kind';
  return '';
}
`;

describe('journey/no-kind-literals', () => {
  let results: ESLint.LintResult[];

  beforeAll(async () => {
    writeFileSync(outside, CODE);
    writeFileSync(inside, CODE);
    try {
      results = await new ESLint({ cwd: root }).lintFiles([outside, inside]);
    } finally {
      rmSync(outside, { force: true });
      rmSync(inside, { force: true });
    }
  }, 120_000);

  afterAll(() => {
    rmSync(outside, { force: true });
    rmSync(inside, { force: true });
  });

  /** The rule's findings in a file: line, severity, and what was compared with what. */
  const found = (file: string) =>
    results
      .find((r) => r.filePath === file)
      ?.messages.filter((m) => m.ruleId === 'journey/no-kind-literals')
      .map((m) => ({ line: m.line, severity: m.severity, what: m.message.split(':')[0] }));

  it('refuses a kind, a trigger mode or a channel compared with a literal outside the registries', () => {
    expect(found(outside)).toEqual([
      { line: 8, severity: 2, what: "A node's kind compared with 'message'" },
      { line: 9, severity: 2, what: "A trigger's on compared with 'date'" },
      { line: 11, severity: 2, what: "A message's channel compared with 'webhook'" },
    ]);
  });

  it('lets a data set or a wake-up compare its own kind', () => {
    expect(found(outside)?.some((m) => m.line === 16)).toBe(false);
  });

  it('lets the files that define kinds compare them', () => {
    const result = results.find((r) => r.filePath === inside);
    expect(result?.messages).toEqual([]);
  });
});
