import type { Lesson, StatementsItem } from '../../domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';

/** Six statements on which a class can split into two camps, and agree on one. */
export const CAMP_STATEMENTS = [
  { id: 'deterrence-worked', text: 'The strike made Iran less likely to attack Americans.' },
  { id: 'legal', text: 'The strike was lawful.' },
  { id: 'escalation', text: 'The strike made a war more likely.' },
  { id: 'congress', text: 'Congress should have been asked first.' },
  { id: 'author-fair', text: 'The author treats the other side fairly.' },
  { id: 'read-more', text: 'We should read an Iraqi view before deciding.' },
] as const;

export const statementsItem: StatementsItem = {
  kind: 'statements',
  id: 'class-statements',
  question: 'Was the strike on Soleimani a wise decision?',
  seedStatements: CAMP_STATEMENTS.map((s) => ({ ...s })),
  requireApproval: false,
};

/**
 * The shipped lesson's first section with a class-statements item added: a lesson a teacher
 * could write, for the tests of class statements and the opinion map.
 */
export function statementsLesson(options: { readonly requireApproval?: boolean } = {}): Lesson {
  const first = soleimaniLesson.sections[0]!;
  return {
    ...soleimaniLesson,
    id: 'statements-on-the-strike',
    metadata: { ...soleimaniLesson.metadata, title: 'Where the class stands on the strike' },
    sections: [
      {
        ...first,
        items: [
          ...first.items,
          { ...statementsItem, requireApproval: options.requireApproval ?? false },
        ],
      },
    ],
    glossary: [],
  };
}
