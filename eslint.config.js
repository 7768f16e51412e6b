import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { localRules } from './eslint-local-rules.js';

/** Import rules that keep the layers one-way: domain <- server, domain <- client. */
const layerRules = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

/**
 * The domain imports its own files and these pure packages, nothing else: zod, and the text
 * tools the drafter and the reading level use (no I/O, no globals of a host). A relative path
 * that climbs out of src/domain is refused by its depth, so one rule per folder depth.
 */
const DOMAIN_PACKAGES = ['zod', 'compromise', 'compromise-dates', 'flesch-kincaid', 'syllable'];
const DOMAIN_DEPTHS = [0, 1, 2, 3];
/** The domain's tests run in Node with vitest and may read files: the rules are for its code. */
const DOMAIN_TESTS = ['src/domain/**/*.test.ts'];
const domainImportRules = (depth) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: `^(?!\\.\\.?/|(${DOMAIN_PACKAGES.join('|')})(/|$))`,
          message: `The domain is pure: it imports only its own files and ${DOMAIN_PACKAGES.join(', ')}.`,
        },
        {
          regex: `^(\\.\\./){${depth + 1}}`,
          message: 'The domain imports only its own files: this path leaves src/domain.',
        },
      ],
    },
  ],
});

// ---- Server floors (issue 28; src/server/README.md) ----------------------------------------
/**
 * The server's floors, top to bottom: routes -> services -> live, lessons, articles -> repositories -> db
 * and lib (small helpers, importing no floor), with plugins wiring them into the app. A floor
 * imports the floors below it, never one above. Routes may name a repository's record types (the shapes
 * services hand them), never call one.
 */
const SERVER_FLOORS = [
  {
    folder: 'db',
    refused: ['repositories', 'lessons', 'articles', 'live', 'services', 'routes', 'plugins'],
  },
  {
    folder: 'lib',
    refused: ['db', 'repositories', 'lessons', 'articles', 'live', 'services', 'routes', 'plugins'],
  },
  {
    folder: 'repositories',
    refused: ['lessons', 'articles', 'live', 'services', 'routes', 'plugins'],
  },
  {
    folder: 'lessons',
    refused: ['db', 'repositories', 'articles', 'live', 'services', 'routes', 'plugins'],
  },
  // Articles from the web, files and text: fetched behind the address guard and extracted.
  {
    folder: 'articles',
    refused: ['db', 'repositories', 'lessons', 'live', 'services', 'routes', 'plugins'],
  },
  { folder: 'live', refused: ['lessons', 'articles', 'services', 'routes', 'plugins'] },
  { folder: 'services', refused: ['routes', 'plugins'] },
  { folder: 'routes', refused: ['db', 'repositories'], allowTypeImports: true },
  { folder: 'plugins', refused: ['routes'] },
];
const serverFloorRules = ({ folder, refused, allowTypeImports = false }) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: `^\\.\\./(${refused.join('|')})/`,
          allowTypeImports,
          message: `src/server/${folder} may not import ${refused.join(', ')}: a floor imports only the floors below it (src/server/README.md).`,
        },
      ],
    },
  ],
});
// ---- end of server floors ----------------------------------------------------------------------

/** Everything the browser or Node gives a script beyond the language itself. */
const HOST_GLOBALS = Object.keys({ ...globals.browser, ...globals.node }).filter(
  (name) => !(name in globals.es2026),
);

/**
 * The outside world, each part touched by one module only (found by searching for them):
 * components and stores go through these modules, so they can be tested and replaced.
 */
const OUTSIDE = {
  fetch: 'Call the server through src/client/shared/lib/api-client.ts.',
  EventSource: 'Open a live stream through src/client/shared/lib/live-stream.ts.',
  localStorage:
    "Keep data in the browser through a zustand store's persist storage (saved-work-storage.ts, outbox-store.ts, local-drafts-store.ts).",
  process:
    'Read the environment in src/server/config.ts, which validates it; entry points own the process.',
};

/**
 * Where each part of the outside world may be touched. A file takes the last place that
 * names it (flat config: a later object's rule options replace an earlier one's), so places
 * are listed from the widest to the narrowest and name disjoint files otherwise.
 */
const PLACES = [
  { files: ['src/**/*.{ts,tsx}'], allow: [] },
  { files: ['src/client/shared/lib/api-client.ts'], allow: ['fetch'] },
  { files: ['src/client/shared/lib/live-stream.ts'], allow: ['EventSource'] },
  {
    files: [
      'src/client/features/self-study/stores/saved-work-storage.ts',
      'src/client/features/live-session/stores/outbox-store.ts',
      'src/client/features/lesson-library/stores/local-drafts-store.ts',
    ],
    allow: ['localStorage'],
  },
  {
    // Entry points and scripts own their process (signals, exit codes, argv, child processes);
    // the PGlite lock names the process that holds it.
    files: [
      'src/server/config.ts',
      'src/server/main.ts',
      'src/server/start.ts',
      'src/server/bench/**',
      'src/server/db/directory-lock.ts',
    ],
    allow: ['process'],
  },
  // The admin command asks the running server whether it is up before touching its database.
  { files: ['src/server/admin.ts'], allow: ['process', 'fetch'] },
  // An LMS's services (tokens, grades, class lists) are called from one module, within bounds.
  { files: ['src/server/lib/lms-http.ts'], allow: ['fetch'] },
  // An LMS's documents for Dynamic Registration: bounded in time and size (docs/decisions/0012).
  { files: ['src/server/lib/lms-fetch.ts'], allow: ['fetch'] },
  // Tests stand in for the outside world: they stub it, spawn processes and call the server.
  { files: ['src/server/test/**', '**/*.test.{ts,tsx}'], allow: Object.keys(OUTSIDE) },
];

const placeRules = (allow) => {
  const refused = Object.entries(OUTSIDE).filter(([name]) => !allow.includes(name));
  // A rule given a severity and no options would keep an earlier object's options: turn it off.
  if (refused.length === 0) {
    return {
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
    };
  }
  return {
    'no-restricted-globals': ['error', ...refused.map(([name, message]) => ({ name, message }))],
    'no-restricted-properties': [
      'error',
      ...refused.flatMap(([property, message]) =>
        ['window', 'globalThis', 'self', 'global'].map((object) => ({ object, property, message })),
      ),
    ],
    'no-restricted-syntax': allow.includes('process')
      ? 'off'
      : [
          'error',
          {
            selector: 'ImportDeclaration[source.value=/^(node:)?process$/]',
            message: OUTSIDE.process,
          },
        ],
  };
};

const DRAFTER_ON_SERVER =
  'The client never imports the drafter (#domain/drafting): it runs on the server.';
const READING_LEVEL_ON_SERVER =
  'The client never imports the reading level (#domain/lesson/reading-level): the server sends it with the lesson, so its syllable package adds nothing to a first download.';

// ---- File length (max-lines) -------------------------------------------------------------------
/**
 * Files allowed past 400 lines for good: a benchmark is one long script, read top to bottom.
 * (No file in src is generated; one that is would be named here.)
 */
const LONG_FILE_EXCEPTIONS = ['src/server/bench/**'];
// ---- End of file length -------------------------------------------------------------------------

export default tseslint.config(
  {
    // The lint rules' own fixtures break them on purpose: src/lint-rules.test.ts lints them.
    ignores: [
      'dist',
      'dev-dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'data',
      'src/test-fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX, local: localRules },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `const { secret: _secret, ...shown } = row` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    settings: {
      // Relative imports only need Node's resolution with TypeScript's extensions.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx'] })],
    },
    rules: {
      // Cycles at run time; the local rule catches those made of type imports, which this skips.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'local/type-import-cycle': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'local/domain-alias': 'error' },
  },
  { files: ['src/client/**/*.{ts,tsx}'], rules: { 'local/shared-alias': 'error' } },
  // Globals by where the code runs; the domain gets the language's own only.
  { files: ['src/client/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser } },
  { files: ['src/server/**/*.ts'], languageOptions: { globals: globals.node } },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.ts', '*.{js,ts}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['eslint.config.js', 'eslint-local-rules.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.tsx', 'src/client/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...PLACES.map(({ files, allow }) => ({ files, rules: placeRules(allow) })),
  ...DOMAIN_DEPTHS.map((depth) => ({
    files: [`src/domain/${'*/'.repeat(depth)}*.ts`],
    ignores: DOMAIN_TESTS,
    rules: domainImportRules(depth),
  })),
  {
    // After the places: no browser or Node global at all.
    files: ['src/domain/**/*.ts'],
    ignores: DOMAIN_TESTS,
    rules: {
      'no-restricted-globals': [
        'error',
        ...HOST_GLOBALS.map((name) => ({
          name,
          message: 'The domain is plain ECMAScript: no browser or Node global.',
        })),
      ],
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    rules: layerRules(['**/server/**'], 'The client never imports the server.'),
  },
  {
    // The drafter and the reading level run on the server only: the student's first load grows
    // by 0 bytes (issue 22). Its own rule, so the layer rules below (which replace each other's
    // options) keep it.
    files: ['src/client/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['\\#domain/drafting/**', '**/domain/drafting/**'],
              message: DRAFTER_ON_SERVER,
            },
            {
              group: ['\\#domain/lesson/reading-level', '**/domain/lesson/reading-level'],
              message: READING_LEVEL_ON_SERVER,
            },
          ],
        },
      ],
    },
  },
  {
    // A lazy import() is no import declaration, so it is refused here, beside the refusal of
    // node:process that placeRules gives the client and this option list replaces. Tests are
    // left as placeRules sets them.
    files: ['src/client/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^(node:)?process$/]',
          message: OUTSIDE.process,
        },
        {
          selector: 'ImportExpression[source.value=/(^#|\\/)domain\\/drafting\\//]',
          message: DRAFTER_ON_SERVER,
        },
        {
          selector: 'ImportExpression[source.value=/(^#|\\/)domain\\/lesson\\/reading-level$/]',
          message: READING_LEVEL_ON_SERVER,
        },
      ],
    },
  },
  // ---- Client layers (issue 28): shared <- features <- app. ----
  // A feature imports neither another feature nor app. The local rule reads the feature from the
  // file's folder, so a new folder under src/client/features is covered without editing this file.
  {
    files: ['src/client/features/**/*.{ts,tsx}'],
    rules: { 'local/feature-boundaries': 'error' },
  },
  {
    files: ['src/client/shared/**/*.{ts,tsx}'],
    rules: layerRules(
      ['**/server/**', '**/features/**', '**/client/app/**', '../../app/**', '../../../app/**'],
      'Shared client code imports neither features nor app.',
    ),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: layerRules(
      // '\\#': in these gitignore-style patterns a bare '#' starts a comment.
      ['**/client/**', '\\#shared/**', 'react', 'react-dom'],
      'The server never imports the client.',
    ),
  },
  // ---- Server floors (issue 28): one object per folder, unit tests beside the code included.
  ...SERVER_FLOORS.map((floor) => ({
    files: [`src/server/${floor.folder}/*.ts`],
    rules: serverFloorRules(floor),
  })),
  // ---- end of server floors
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  // ---- File length (max-lines) -----------------------------------------------------------------
  {
    // A source file past 400 lines does more than one thing: split it by concern. Every line
    // counts, blank and comment too, so the number is the one `wc -l` shows.
    files: ['src/**/*.{ts,tsx}'],
    ignores: LONG_FILE_EXCEPTIONS,
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  // ---- End of file length ----------------------------------------------------------------------
);
