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

export { monaco };
