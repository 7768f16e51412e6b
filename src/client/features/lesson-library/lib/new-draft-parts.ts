import type {
  DraftClaim,
  DraftItem,
  DraftItemKind,
  DraftLesson,
  DraftParagraph,
  DraftPollOption,
  DraftRubricCriterion,
  DraftScenario,
  DraftSection,
  DraftSeedStatement,
  DraftTerm,
} from './draft-lesson';
import { lessonIdFromTitle, newId } from './ids';

/** New parts of a draft (draft-lesson.ts), empty for the teacher to fill in. */

export function newSection(paragraphs: readonly DraftParagraph[], title = ''): DraftSection {
  return {
    id: newId('section'),
    title,
    paragraphs,
    items: [],
    summary: '',
    teacherNotes: [],
  };
}

export function newItem(kind: DraftItemKind): DraftItem {
  const base = { id: newId(kind === 'claimCheck' ? 'claims' : kind), extension: false };
  switch (kind) {
    case 'prompt':
      return {
        kind,
        ...base,
        question: '',
        level: 'analysis',
        minWords: null,
        hint: '',
        searches: null,
      };
    case 'poll':
      return {
        kind,
        ...base,
        question: '',
        mode: 'single',
        options: [newPollOption(), newPollOption()],
        afterAnswer: '',
      };
    case 'scale':
      return { kind, ...base, statement: '' };
    case 'forecast':
      return { kind, ...base, question: '', asOf: '', horizon: '', scenarios: [newScenario()] };
    case 'claimCheck':
      return { kind, ...base, instructions: '', claims: [newClaim()] };
    case 'writing':
      return { kind, ...base, task: '', minWords: null, rubric: [newCriterion()], modelAnswer: '' };
    case 'statements':
      return { kind, ...base, question: '', seedStatements: [], requireApproval: false };
  }
}

export const newSeedStatement = (): DraftSeedStatement => ({ id: newId('statement'), text: '' });

export const newCriterion = (): DraftRubricCriterion => ({
  id: newId('criterion'),
  criterion: '',
  points: null,
  levels: [],
});

export const newPollOption = (): DraftPollOption => ({ id: newId('option'), label: '' });

export const newScenario = (): DraftScenario => ({
  id: newId('scenario'),
  statement: '',
  lessonReading: { probability: null, reason: '' },
  resolution: { happened: null, date: '', text: '' },
});

export const newClaim = (quote = ''): DraftClaim => ({
  id: newId('claim'),
  quote,
  expected: '',
  explanation: '',
});

export const newTerm = (term = ''): DraftTerm => ({
  id: newId('term'),
  term,
  matches: [],
  definition: '',
});

/** What the new-lesson form asks for about the article. */
export interface ArticleDetails {
  readonly title: string;
  /** The lesson's subtitle, which publishing needs: asked for at once, not left for later. */
  readonly subtitle: string;
  readonly publication: string;
  readonly author: string;
  readonly date: string;
  readonly url: string;
  readonly permission: string;
}

/** The details of an article not described yet: the new-lesson form's start. */
export const EMPTY_ARTICLE_DETAILS: ArticleDetails = {
  title: '',
  subtitle: '',
  publication: '',
  author: '',
  date: '',
  url: '',
  permission: '',
};

/** A new lesson's draft: the article's details and its paragraphs, all in one first section. */
export function newDraftFromArticle(
  details: ArticleDetails,
  paragraphs: readonly string[],
): DraftLesson {
  return {
    id: lessonIdFromTitle(details.title),
    metadata: {
      title: details.title,
      subtitle: details.subtitle,
      // The paste path drafts nothing: the teacher sets another language in the details.
      language: 'en',
      source: {
        publication: details.publication,
        headline: details.title,
        published: details.date,
        authorDescription: details.author,
        url: details.url,
        permission: details.permission,
      },
    },
    sections: [newSection(paragraphs.map((p) => ({ text: p })))],
    glossary: [],
  };
}
