import type { GlossaryTerm, Item, Paragraph } from '#domain/lesson/lesson-schema';
import type { DraftItem, DraftLesson, DraftLessonReading } from './draft-lesson';

/**
 * The draft as the student's pages take it, for "Preview as a student": a draft need not be
 * valid, so what is still missing is filled with what a student would see of it (an empty
 * text, no option); nothing of this is saved.
 */

export interface PreviewSection {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly Paragraph[];
  readonly items: readonly Item[];
  readonly summary: string;
}

export interface PreviewLesson {
  readonly title: string;
  readonly subtitle: string;
  readonly source: string;
  readonly sections: readonly PreviewSection[];
  readonly glossary: readonly GlossaryTerm[];
}

/** A reading with its probability shows (a missing reason as empty); without one, no view given. */
function previewReading(reading: DraftLessonReading) {
  return reading.probability === null
    ? {}
    : { lessonReading: { probability: reading.probability, reason: reading.reason } };
}

export function previewItem(item: DraftItem): Item {
  const extension = item.extension ? { extension: true } : {};
  switch (item.kind) {
    case 'prompt': {
      const guidance = {
        ...(item.minWords !== null && item.minWords > 0 ? { minWords: item.minWords } : {}),
        ...(item.hint.trim() !== '' ? { hint: item.hint } : {}),
      };
      return {
        kind: 'prompt',
        id: item.id,
        ...extension,
        question: item.question,
        level: item.level,
        ...(Object.keys(guidance).length > 0 ? { guidance } : {}),
      };
    }
    case 'poll':
      return {
        kind: 'poll',
        id: item.id,
        ...extension,
        question: item.question,
        mode: item.mode,
        options: item.options.map((o) => ({ id: o.id, label: o.label })),
        ...(item.afterAnswer.trim() !== '' ? { afterAnswer: item.afterAnswer } : {}),
      };
    case 'scale':
      return { kind: 'scale', id: item.id, ...extension, statement: item.statement };
    case 'forecast':
      return {
        kind: 'forecast',
        id: item.id,
        ...extension,
        question: item.question,
        asOf: item.asOf,
        horizon: item.horizon,
        scenarios: item.scenarios.map((s) => ({
          id: s.id,
          statement: s.statement,
          ...previewReading(s.lessonReading),
          // "Not known yet" previews as the lesson will read: not resolved.
          ...(s.resolution.happened === null
            ? {}
            : {
                resolution: {
                  happened: s.resolution.happened,
                  date: s.resolution.date,
                  text: s.resolution.text,
                },
              }),
        })),
      };
    case 'claimCheck':
      return {
        kind: 'claimCheck',
        id: item.id,
        ...extension,
        instructions: item.instructions,
        claims: item.claims.map((c) => ({
          id: c.id,
          quote: c.quote,
          // Unsorted yet: the preview shows the claim; its expected sorting is the teacher's to give.
          expected: c.expected === '' ? 'fact' : c.expected,
          explanation: c.explanation,
        })),
      };
    case 'writing':
      return {
        kind: 'writing',
        id: item.id,
        ...extension,
        task: item.task,
        ...(item.minWords === null ? {} : { minWords: item.minWords }),
        rubric: item.rubric.map((c) => {
          const levels = c.levels.filter((level) => level.trim() !== '');
          return {
            id: c.id,
            criterion: c.criterion,
            points: c.points ?? 1,
            ...(levels.length > 0 ? { levels } : {}),
          };
        }),
        modelAnswer: item.modelAnswer,
      };
    case 'statements':
      return {
        kind: 'statements',
        id: item.id,
        ...extension,
        question: item.question,
        seedStatements: item.seedStatements.map((s) => ({ id: s.id, text: s.text })),
        requireApproval: item.requireApproval,
      };
  }
}

export function previewLesson(draft: DraftLesson): PreviewLesson {
  const { source } = draft.metadata;
  return {
    title: draft.metadata.title,
    subtitle: draft.metadata.subtitle,
    source: [source.publication, source.authorDescription, source.published]
      .filter((part) => part.trim() !== '')
      .join(', '),
    sections: draft.sections.map((section) => ({
      id: section.id,
      title: section.title,
      paragraphs: section.paragraphs.filter((p) => p.text.trim() !== ''),
      items: section.items.map(previewItem),
      summary: section.summary,
    })),
    glossary: draft.glossary
      .filter((term) => term.term.trim() !== '')
      .map((term) => {
        const forms = term.matches.filter((m) => m.trim() !== '');
        return {
          id: term.id,
          term: term.term,
          matches: forms.length > 0 ? forms : [term.term],
          definition: term.definition,
        };
      }),
  };
}
