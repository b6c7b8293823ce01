import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import Editor from '@monaco-editor/react';
import { useEffect, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { ACCESSIBLE_THEME, POLICY_FILE_SUFFIX, type monaco } from '../monacoSetup';
import { formatNumber } from '../format';
import { plainEditorMessage } from '../plainErrors';
import { useEditorState } from './editorState';
import { prune } from './prune';

/**
 * The draft as JSON, checked against policy.schema.json as you type (markers, hover, completion). Every
 * edit that parses goes straight into the form, so the Form tab shows it too.
 */
export function JsonTab({ modelName }: { modelName: string }) {
  const { getValues, setValue } = useFormContext();
  const { setJsonBroken, jsonBroken } = useEditorState();
  const [initial] = useState(() => JSON.stringify(prune(getValues('document')), null, 2));
  const [markers, setMarkers] = useState<monaco.editor.IMarker[]>([]);
  // The editor starts from the form's last good document, so any earlier unreadable text is gone.
  useEffect(() => setJsonBroken(null), [setJsonBroken]);

  function onChange(text: string | undefined) {
    try {
      setValue('document', JSON.parse(text ?? ''), { shouldDirty: true });
      setJsonBroken(null);
    } catch (e) {
      setJsonBroken((e as Error).message);
    }
  }

  const problems = markers.filter((m) => m.severity >= 4);
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The whole policy document. Problems are underlined as you type; hover for details, Ctrl+Space for suggestions, Ctrl+H to find and
        replace.
      </Typography>
      <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>
        <Editor
          height="60vh"
          defaultLanguage="json"
          theme={ACCESSIBLE_THEME}
          path={`${modelName}${POLICY_FILE_SUFFIX}`}
          defaultValue={initial}
          onChange={onChange}
          onValidate={setMarkers}
          loading="Loading the editor…"
          options={{
            minimap: { enabled: false },
            ariaLabel: 'Policy document as JSON',
            automaticLayout: true,
            wordWrap: 'on',
            scrollBeyondLastLine: false,
            fixedOverflowWidgets: true,
            tabSize: 2,
            fontSize: 14,
          }}
        />
      </Box>
      {jsonBroken && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          The JSON cannot be read, so it cannot be saved yet: {jsonBroken}
        </Alert>
      )}
      <Box aria-live="polite" sx={{ mt: 1 }}>
        {problems.length === 0 ? (
          <Typography variant="body2" color="success.main" sx={{ fontWeight: 600 }}>
            No problems against the policy schema.
          </Typography>
        ) : (
          <Alert severity="warning">
            {formatNumber(problems.length)} {problems.length === 1 ? 'problem' : 'problems'} against the policy schema:
            <ul style={{ margin: 0 }}>
              {problems.slice(0, 20).map((m, i) => (
                <li key={i}>
                  Line {formatNumber(m.startLineNumber)}: {plainEditorMessage(m.message)}
                </li>
              ))}
            </ul>
          </Alert>
        )}
      </Box>
    </Box>
  );
}
