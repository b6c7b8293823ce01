import { createContext, useContext } from 'react';
import type { ProblemError } from '../contract/api-answers';

export interface EditorState {
  /** The server's 422 problems from the last save, by JSON Pointer into the policy document. */
  serverErrors: ProblemError[];
  /** The last save answered 412: someone else saved first. */
  stale: boolean;
  /** The JSON tab's text does not parse: the reason, or null. */
  jsonBroken: string | null;
  setJsonBroken(reason: string | null): void;
  clear(): void;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditorState(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error('useEditorState needs the version editor around it');
  return state;
}
