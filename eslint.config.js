import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', '.output', '.wxt', 'artifacts', '.tmp', 'tests/corpus/dist'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Panel data is text: nothing may be written as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Panel data is text: use textContent or JSX.' },
        { property: 'outerHTML', message: 'Panel data is text: use textContent or JSX.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Panel data is text.' },
      ],
    },
  },
  {
    files: ['tests/**', 'scripts/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
