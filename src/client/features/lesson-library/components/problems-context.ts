import { createContext, useContext } from 'react';
import type { EditorProblem } from '../lib/problems';

/** The problems shown beside each field, by the field's path (problems.ts `problemsByField`). */
export const ProblemsContext = createContext<ReadonlyMap<string, readonly EditorProblem[]>>(
  new Map(),
);

const NONE: readonly EditorProblem[] = [];

export function useFieldProblems(path: string): readonly EditorProblem[] {
  return useContext(ProblemsContext).get(path) ?? NONE;
}
