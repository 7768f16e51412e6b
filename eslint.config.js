import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The client's feature folders: none of them imports another. */
const CLIENT_FEATURES = ['self-study', 'teacher', 'live-session'];

/** Import rules that keep the layers one-way: domain <- server, domain <- client. */
const layerRules = (forbidden, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
});

export default tseslint.config(
  {
    ignores: ['dist', 'dev-dist', 'node_modules', 'test-results', 'playwright-report', 'data'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `const { secret: _secret, ...shown } = row` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.tsx', 'src/client/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: layerRules(
      ['**/client/**', '**/server/**', 'react', 'react-dom', 'fastify', 'zustand'],
      'The domain is pure: it imports neither the client, the server nor their libraries.',
    ),
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    rules: layerRules(['**/server/**'], 'The client never imports the server.'),
  },
  // Client layers: shared <- features <- app. A feature imports neither another feature nor app.
  ...CLIENT_FEATURES.map((feature) => ({
    files: [`src/client/features/${feature}/**/*.{ts,tsx}`],
    rules: layerRules(
      [
        '**/server/**',
        '**/client/app/**',
        '../../../app/**',
        ...CLIENT_FEATURES.filter((other) => other !== feature).map((other) => `**/${other}/**`),
      ],
      'A feature imports only shared code, its own files and the domain: never another feature or app.',
    ),
  })),
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
      ['**/client/**', 'react', 'react-dom'],
      'The server never imports the client.',
    ),
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
);
