// @ts-check
/**
 * `journey/no-kind-literals`: a node's `kind`, a trigger's `on` and a message's `channel` are
 * not compared with a literal (`===`, `!==`, `==`, `!=`, `case`) outside the files that define
 * kinds and channels. What a kind or channel is belongs to its registry entry (facets, channel
 * definitions), so that a new kind or channel is its own file and is not silently missed by
 * code that tests names.
 *
 * Which literals count is read from the program's types, so the rule follows the registries:
 * for each watched name an option names an exported type whose string literals are the values
 * (`NodeKind` from core/nodes/registry.ts, …), optionally a property of it (`TriggerConfig.on`).
 * A `kind` compared with anything else (`dataset.kind === 'events'`, `wake.kind ===
 * 'enrollment'`) is not a node kind and passes.
 */
import ts from 'typescript';

/**
 * @typedef {{ module: string, type: string, property?: string }} ValueSource
 * @typedef {{ names: Record<string, ValueSource> }} Options
 */

/** @type {WeakMap<ts.Program, Map<string, ReadonlySet<string>>>} */
const cache = new WeakMap();

/**
 * The string literals of an exported type (or of one of its properties) in the program.
 * @param {ts.Program} program
 * @param {ValueSource} source
 * @returns {ReadonlySet<string>}
 */
function literalsOf(program, source) {
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(source.module);
  if (!file)
    throw new Error(`journey/no-kind-literals: ${source.module} is not part of this program`);
  const moduleSymbol = checker.getSymbolAtLocation(file);
  let symbol = moduleSymbol
    ? checker.getExportsOfModule(moduleSymbol).find((s) => s.name === source.type)
    : undefined;
  if (!symbol)
    throw new Error(`journey/no-kind-literals: ${source.module} exports no type ${source.type}`);
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declared = checker.getDeclaredTypeOfSymbol(symbol);
  const members = (/** @type {ts.Type} */ type) => (type.isUnion() ? type.types : [type]);
  const types = source.property
    ? members(declared).flatMap((member) => {
        const property = member.getProperty(/** @type {string} */ (source.property));
        return property ? members(checker.getTypeOfSymbol(property)) : [];
      })
    : members(declared);
  const values = new Set(types.filter((t) => t.isStringLiteral()).map((t) => t.value));
  if (values.size === 0)
    throw new Error(`journey/no-kind-literals: ${source.type} has no string literals`);
  return values;
}

/**
 * The watched name an expression reads (`node.kind`, `config?.channel`, a `channel` variable).
 * @param {import('estree').Node} node
 * @returns {string | undefined}
 */
function nameRead(node) {
  let inner = /** @type {any} */ (node);
  while (
    inner.type === 'ChainExpression' ||
    inner.type === 'TSNonNullExpression' ||
    inner.type === 'TSAsExpression' ||
    inner.type === 'TSSatisfiesExpression'
  )
    inner = inner.expression;
  if (inner.type === 'Identifier') return inner.name;
  if (inner.type !== 'MemberExpression') return undefined;
  if (!inner.computed && inner.property.type === 'Identifier') return inner.property.name;
  if (
    inner.computed &&
    inner.property.type === 'Literal' &&
    typeof inner.property.value === 'string'
  )
    return inner.property.value;
  return undefined;
}

/**
 * @param {import('estree').Node} node
 * @returns {string | undefined}
 */
function stringLiteral(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noKindLiterals = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Compare node kinds, trigger modes and channels only in the files that define them; elsewhere ask the registry.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          names: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              properties: {
                module: { type: 'string' },
                type: { type: 'string' },
                property: { type: 'string' },
              },
              required: ['module', 'type'],
              additionalProperties: false,
            },
          },
        },
        required: ['names'],
        additionalProperties: false,
      },
    ],
    messages: {
      compared:
        "{{what}} compared with '{{value}}': ask the registry instead (the kind's facets, or the channel's definition), so a new kind or channel needs no edit here.",
    },
  },
  create(context) {
    const options = /** @type {Options} */ (context.options[0]);
    const program = /** @type {ts.Program | null | undefined} */ (
      context.sourceCode.parserServices?.program
    );
    if (!program) return {};
    let known = cache.get(program);
    if (!known) {
      known = new Map();
      cache.set(program, known);
    }
    /** @param {string} name */
    const valuesOf = (name) => {
      const source = options.names[name];
      if (!source) return undefined;
      let values = known.get(name);
      if (!values) {
        values = literalsOf(program, source);
        known.set(name, values);
      }
      return values;
    };
    const WHAT = { kind: "A node's kind", on: "A trigger's on", channel: "A message's channel" };
    /**
     * @param {import('estree').Node} subject
     * @param {import('estree').Node} literal
     * @param {import('estree').Node} at
     */
    const check = (subject, literal, at) => {
      const name = nameRead(subject);
      const value = stringLiteral(literal);
      if (name === undefined || value === undefined || !valuesOf(name)?.has(value)) return;
      context.report({
        node: at,
        messageId: 'compared',
        data: { what: /** @type {Record<string, string>} */ (WHAT)[name] ?? `"${name}"`, value },
      });
    };
    return {
      BinaryExpression(node) {
        if (!['===', '!==', '==', '!='].includes(node.operator)) return;
        check(node.left, node.right, node);
        check(node.right, node.left, node);
      },
      SwitchStatement(node) {
        for (const branch of node.cases)
          if (branch.test) check(node.discriminant, branch.test, branch);
      },
    };
  },
};
