// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import i18next from 'eslint-plugin-i18next';
import { join } from 'node:path';
import { journeyPlugin } from './lint/plugin.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Packages that only the adapters, the command line, the shell or the renderer may touch. */
const impureForCore = [
  ...nodeBuiltins,
  'electron',
  'react',
  'react-dom',
  '@xyflow/react',
  '@xyflow/system',
  'zustand',
  'better-sqlite3',
  'nodemailer',
  'smtp-server',
  'csv-parse',
];

/**
 * What the pure core may not import: impure packages, the adapters, the command line and the UI
 * layers, and whatever `extra` forbids a layer besides.
 * @param {{ group: string[]; message: string }[]} extra
 */
function pureCoreImports(extra = []) {
  return [
    'error',
    {
      paths: impureForCore.map((name) => ({
        name,
        message: 'The pure core must not depend on this; put it behind a port in core/adapters.',
      })),
      patterns: [
        {
          group: ['**/adapters/**', '**/adapters'],
          message: 'Pure core must not import adapters.',
        },
        { group: ['**/cli/**', '**/cli'], message: 'Pure core must not import the command line.' },
        { group: ['**/renderer/**', '**/electron/**'], message: 'Core never imports UI layers.' },
        ...extra,
      ],
    },
  ];
}

/** SQL is written in the repositories of core/adapters/sqlite and /postgres, and nowhere else. */
const sqlOutsideRepositories = {
  selector: "CallExpression[callee.property.name='prepare']",
  message:
    'SQL lives in the repositories of core/adapters/sqlite and core/adapters/postgres; call one through its interface.',
};

/**
 * Every API error says why in a reason and the facts its sentence needs (core/api/
 * api-error-reasons.ts), so the app can word it in the marketer's language.
 */
const apiErrorWithReason = {
  selector: "NewExpression[callee.name='ApiError'][arguments.length<4]",
  message:
    'Give the ApiError its reason and values (4th argument), so the app can word it in every language.',
};

/** The pure core: no clocks, no randomness, no timers; those come in through ports. */
const clockAndRandomRules = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Read time from the Clock port.' },
    {
      object: 'Math',
      property: 'random',
      message: 'Use the Random/hash port: runs must be reproducible.',
    },
    { object: 'performance', property: 'now', message: 'Read time from the Clock port.' },
    { object: 'crypto', property: 'randomUUID', message: 'New ids come in through a port.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Timers come in through ports.' },
    { name: 'setInterval', message: 'Timers come in through ports.' },
    { name: 'setImmediate', message: 'Timers come in through ports.' },
    { name: 'process', message: 'The pure core does not read the process.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'new Date() reads the system clock; use the Clock port.',
    },
    sqlOutsideRepositories,
    apiErrorWithReason,
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'coverage/',
      '.electron-native/',
      '.scratch/',
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  // Layer: pure core.
  {
    files: ['core/**/*.ts'],
    ignores: ['core/adapters/**', 'core/cli/**'],
    rules: {
      'no-restricted-imports': pureCoreImports(),
      ...clockAndRandomRules,
    },
  },
  // Layer: core/app, the API handlers, sits on top of the pure core: nothing below it (the
  // model, the interpreter, the executor, import parsing, the contract) reaches up into it. It
  // is pure like the rest: storage, the engine's I/O and the clock come in as ports (app/ports.ts).
  {
    files: ['core/**/*.ts'],
    ignores: ['core/app/**', 'core/adapters/**', 'core/cli/**'],
    rules: {
      'no-restricted-imports': pureCoreImports([
        {
          group: ['**/app/**', '**/app'],
          message: 'Only the adapters and the command line build on core/app (the handlers).',
        },
      ]),
    },
  },
  // Layer: the adapters and the command line do I/O; SQL stays in the database repositories.
  {
    files: ['core/adapters/**/*.ts', 'core/cli/**/*.ts'],
    ignores: ['core/adapters/sqlite/**', 'core/adapters/postgres/**'],
    rules: {
      'no-restricted-syntax': ['error', sqlOutsideRepositories, apiErrorWithReason],
    },
  },
  {
    files: ['electron/**/*.ts', 'renderer/api/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', apiErrorWithReason] },
  },
  // Layer: renderer, which knows the API contract and never the database or the shell.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins,
            'electron',
            'better-sqlite3',
            'nodemailer',
            'smtp-server',
            'csv-parse',
          ].map((name) => ({
            name,
            message: 'The renderer talks to the engine only through the AppApi contract.',
          })),
          patterns: [
            {
              group: ['**/core/adapters/**', '**/core/cli/**'],
              message: 'The renderer never imports adapters.',
            },
            { group: ['**/electron/**'], message: 'The renderer never imports the shell.' },
          ],
        },
      ],
    },
  },
  // What a node kind, a trigger mode or a channel is belongs to its registry entry: code elsewhere
  // asks the facets or the channel definition, never compares names.
  {
    files: ['core/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    ignores: ['core/nodes/**', 'core/channels/**', 'renderer/nodes/**', 'renderer/channels/**'],
    plugins: { journey: journeyPlugin },
    rules: {
      'journey/no-kind-literals': [
        'error',
        {
          names: {
            kind: { module: join(import.meta.dirname, 'core/nodes/registry.ts'), type: 'NodeKind' },
            on: {
              module: join(import.meta.dirname, 'core/nodes/trigger.node.ts'),
              type: 'TriggerConfig',
              property: 'on',
            },
            channel: {
              module: join(import.meta.dirname, 'core/channels/registry.ts'),
              type: 'Channel',
            },
          },
        },
      ],
    },
  },
  // Words a user reads come from the catalogues (renderer/i18n/catalogs), in English, Swedish and
  // Norwegian: no literal text in JSX, nor in the attributes a user reads or hears.
  {
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            exclude: [
              'className',
              'style',
              'type',
              'key',
              'id',
              'htmlFor',
              'role',
              'name',
              'href',
              'src',
              'rel',
              'target',
              'lang',
              'dir',
              'autoComplete',
              'inputMode',
              'pattern',
              'sandbox',
              'viewBox',
              'd',
              'fill',
              'stroke',
              'strokeLinecap',
              'strokeLinejoin',
              'data-[a-z-]+',
              'aria-controls',
              'aria-describedby',
              'aria-labelledby',
              'aria-live',
              'aria-haspopup',
              'aria-current',
              'aria-sort',
              'aria-orientation',
              'aria-autocomplete',
              'testId',
              'locale',
              'defaultLocale',
            ],
          },
        },
      ],
    },
  },
  // Sentences made in code are kept as message ids with values (renderer/i18n/words.ts) and worded
  // when shown, so they read in the language chosen then; numbers and dates are formatted in that
  // language too (useFormats(), or ICU in the catalogues), never in a fixed one.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]',
          message:
            'Format numbers and dates in the chosen language: useFormats(), or {n, number} in the catalogues.',
        },
        {
          selector:
            "CallExpression:matches([callee.name='notify'], [callee.property.name='notify']):matches([arguments.0.type=/^(Literal|TemplateLiteral)$/], [arguments.0.expression.type=/^(Literal|TemplateLiteral)$/])",
          message: "A notice is words('id', values), worded when shown, not a sentence in code.",
        },
        {
          selector:
            "Property[key.name=/^(error|problem|reason|detailError|engineError)$/]:matches([value.type='TemplateLiteral'], [value.type='Literal'][value.value=/ /])",
          message:
            "Keep an error as words('id', values) (or apiErrorWords(error)), worded when shown.",
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
