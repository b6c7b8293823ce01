/**
 * Monaco from the bundle, never a CDN: the slim editor core, the JSON language with its worker, and the
 * policy schema wired to every model whose path ends in .policy.json (markers, hover and completion).
 * Import this module before any <Editor/> mounts; only the lazily loaded editor page does.
 */

import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import policySchema from '../../rules/policy.schema.json';

export const POLICY_FILE_SUFFIX = '.policy.json';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  enableSchemaRequest: false,
  allowComments: false,
  schemas: [
    { uri: 'inmemory://schemas/policy.schema.json', fileMatch: [`*${POLICY_FILE_SUFFIX}`], schema: policySchema },
    // A document's own "$schema" wins over fileMatch. The examples say "../../../policy.schema.json", which resolves
    // against a root-level model to file:///policy.schema.json; serve the same schema there and at its $id.
    { uri: 'file:///policy.schema.json', schema: policySchema },
    { uri: policySchema.$id, schema: policySchema },
  ],
});

/**
 * Monaco's own light theme has tokens below WCAG 2.2 AA contrast (numbers #098658 are 4.6:1 on white
 * and 3.0:1 under a selection; the bracket-pair greens are 3.9:1). Every colour here keeps at least
 * 4.5:1 on white, on the selection (#add6ff) and on the find and word highlights.
 */
export const ACCESSIBLE_THEME = 'ras-light';

monaco.editor.defineTheme(ACCESSIBLE_THEME, {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: 'a31515' },
    { token: 'string.value.json', foreground: '0451a5' },
    { token: 'number', foreground: '0a5c3b' },
    { token: 'keyword', foreground: '0000c0' },
    { token: 'delimiter', foreground: '000000' },
  ],
  colors: {
    'editor.foreground': '#000000',
    'editorLineNumber.foreground': '#1a5e78',
    'editorLineNumber.activeForeground': '#000000',
    'editorBracketHighlight.foreground1': '#0000c0',
    'editorBracketHighlight.foreground2': '#6b2fa0',
    'editorBracketHighlight.foreground3': '#5c3c00',
    'editorBracketHighlight.foreground4': '#0000c0',
    'editorBracketHighlight.foreground5': '#6b2fa0',
    'editorBracketHighlight.foreground6': '#5c3c00',
    'editorBracketHighlight.unexpectedBracket.foreground': '#a31515',
  },
});

export { monaco };
