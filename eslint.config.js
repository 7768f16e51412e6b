import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
