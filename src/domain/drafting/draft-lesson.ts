import type { Article } from './article';
import { addMonths, formatDay, isIsoDay } from './dates';
import {
  findPredictions,
  forecastQuestion,
  groupByHorizon,
  scenarioOf,
  DEFAULT_HORIZON_MONTHS,
} from './forecasts';
import { glossaryCandidates, type WordRank } from './glossary';
import { asTitle, keyPhrases, type KeyPhrase } from './key-phrase';
import { readArticle, type ReadParagraph, type ReadSentence } from './read-article';
import {
  draftClaimCheck,
  draftPrompt,
  draftSummary,
  promptLevel,
  type PromptLevel,
} from './section-items';
import { splitByBudget } from './sections';

/**
 * The drafter: an article in, a lesson out in the lesson format (today's version), every part the app
 * wrote marked `drafted` with the note the teacher reads, until the teacher edits or accepts it.
 * The article's paragraphs are kept verbatim and in order. Pure and deterministic: the day comes
 * in as `options.today`, word rarity as `options.wordRank`.
 */
export const DRAFT_SCHEMA_VERSION = 6;

export interface DraftOptions {
  /** The lesson's id (already unique). */
  lessonId: string;
  /** YYYY-MM-DD: the day the draft is made. */
  today: string;
  /** 1 = most frequent (SUBTLEX), undefined = unknown. */
  wordRank: WordRank;
}

/** Items the lesson aims for: about eight for a 1,000 to 2,000-word article. */
function itemTarget(words: number): number {
  return Math.min(10, Math.max(4, Math.round(4 + words / 400)));
}

interface DraftSection {
  heading: string | null;
  paragraphs: ReadParagraph[];
  items: Record<string, unknown>[];
}

/** The article cut into sections: at its headings, then by the word budget. */
function cutSections(parts: ReturnType<typeof readArticle>['parts']): DraftSection[] {
  const sections: DraftSection[] = [];
  for (const part of parts) {
    const starts = splitByBudget(part.paragraphs.map((p) => p.words));
    starts.forEach((start, k) => {
      sections.push({
        heading: k === 0 ? part.heading : null,
        paragraphs: part.paragraphs.slice(start, starts[k + 1] ?? part.paragraphs.length),
        items: [],
      });
    });
  }
  return sections;
}

const sentencesOf = (section: DraftSection): ReadSentence[] =>
  section.paragraphs.flatMap((p) => p.sentences);

function paragraphJson(paragraph: ReadParagraph): Record<string, unknown> {
  return paragraph.role === 'body'
    ? { text: paragraph.text }
    : { role: paragraph.role, text: paragraph.text };
}

function metadataOf(article: Article, asOf: string): Record<string, unknown> {
  const missing: string[] = [];
  const publication = article.siteName?.trim() || hostOf(article.url);
  if (!publication) missing.push('the publication');
  const author = article.byline?.trim().replace(/^by\s+/iu, '');
  if (!author) missing.push('the author');
  if (!article.published) missing.push('the date');
  const headline = article.title.trim() || 'Untitled article';
  const source: Record<string, unknown> = {
    publication: publication || 'Publication not given',
    headline,
    published: article.published ?? 'Date not given',
    authorDescription: author || 'Author not given',
  };
  if (article.url && /^https?:\/\//iu.test(article.url)) source.url = article.url;
  // "und" (unknown) is no language: the drafter reads English, so the draft says English.
  const language =
    /^[a-z]{2,3}$/u.test(article.language) && article.language !== 'und' ? article.language : 'en';
  return {
    title: headline,
    subtitle: `A discussion of the article from ${publication || 'its publication'}${article.published ? ` (${formatDay(asOf)})` : ''}: what it reports, what it argues and what may come next.`,
    source,
    language,
    drafted: `Drafted from the article${missing.length > 0 ? `; not found in it: ${missing.join(', ')}` : ''}. Check the title, subtitle and source.`,
  };
}

function hostOf(url: string | null): string {
  const match = url ? /^https?:\/\/(?:www\.)?([^/:?#]+)/iu.exec(url) : null;
  return match?.[1] ?? '';
}

/**
 * Each section's key phrase for its prompt and, without a heading, its title: no two titles
 * and no two prompts the same (a section whose best phrase an earlier section or a heading
 * already has takes its next best). Null for a section with no phrase left.
 */
function distinctPhrases(sections: readonly DraftSection[]): (KeyPhrase | null)[] {
  const taken = new Set(
    sections.flatMap((section) => (section.heading ? [section.heading.toLowerCase()] : [])),
  );
  return sections.map((section) => {
    const phrases = keyPhrases(sentencesOf(section).map((s) => s.terms));
    const phrase = phrases.find((candidate) => !taken.has(candidate.text.toLowerCase()));
    if (phrase) taken.add(phrase.text.toLowerCase());
    return phrase ?? null;
  });
}

/** Marks items past the lesson's target as extension work, the core ones first by priority. */
function markExtensions(priority: Record<string, unknown>[], target: number): void {
  priority.forEach((item, k) => {
    if (k >= target) item.extension = true;
  });
}

/**
 * @throws Error when the article has no paragraph to draft from, or `options.today` is not a
 * calendar day (YYYY-MM-DD).
 */
export function draftLesson(article: Article, options: DraftOptions): Record<string, unknown> {
  if (!isIsoDay(options.today)) {
    throw new Error(`options.today must be a calendar day as YYYY-MM-DD, not "${options.today}".`);
  }
  const read = readArticle(article);
  const sections = cutSections(read.parts);
  if (sections.length === 0) {
    throw new Error('The article has no paragraph to draft a lesson from.');
  }
  const asOf = article.published && isIsoDay(article.published) ? article.published : options.today;
  const count = sections.length;

  // Prompts, one per section, their level climbing through the lesson.
  const prompts: Record<string, unknown>[] = [];
  const phrases = distinctPhrases(sections);
  let previous: PromptLevel | null = null;
  sections.forEach((section, index) => {
    const reading = {
      index,
      count,
      phrase: phrases[index] ?? null,
      heading: section.heading,
      sentences: sentencesOf(section),
    };
    const level = promptLevel(reading, previous);
    previous = level;
    const prompt = draftPrompt(reading, level, `prompt-${index + 1}`);
    section.items.push(prompt);
    prompts.push(prompt);
  });

  // Forecasts from the article's predictions: at most two, of at most five scenarios each.
  const defaultHorizon = addMonths(asOf, DEFAULT_HORIZON_MONTHS);
  const predictions = findPredictions(
    sections.flatMap((section, index) =>
      sentencesOf(section).map((sentence) => ({ sentence, section: index })),
    ),
    asOf,
    defaultHorizon,
  );
  const groups = groupByHorizon(predictions);

  // Claim checks, one for each pair of sections, placed after the pair has been read.
  const quoted = {
    claims: new Set<string>(),
    scenarios: new Set(groups.flatMap((g) => g.predictions.map((p) => p.sentence.text))),
  };
  const checks: Record<string, unknown>[] = [];
  for (let start = 0; start < count; start += 2) {
    const pair = sections.slice(start, start + 2);
    const check = draftClaimCheck(pair.flatMap(sentencesOf), `claims-${checks.length + 1}`, quoted);
    if (check) {
      pair[pair.length - 1]!.items.push(check);
      checks.push(check);
    }
  }

  const forecasts = groups.map((group, g) => {
    const id = `forecast-${g + 1}`;
    const forecast = {
      kind: 'forecast',
      id,
      question: forecastQuestion(asOf, group.horizon),
      asOf,
      horizon: group.horizon,
      scenarios: group.predictions.map((p, k) => scenarioOf(p, `${id}-${k + 1}`)),
      drafted: `Drafted from ${group.predictions.length} prediction${group.predictions.length === 1 ? '' : 's'} of the article, settled by ${formatDay(group.horizon)}: check the date and each scenario.`,
    };
    sections[group.section]!.items.push(forecast);
    return forecast;
  });

  const words = sections.reduce(
    (sum, section) => sum + section.paragraphs.reduce((s, p) => s + p.words, 0),
    0,
  );
  const [firstCheck, ...otherChecks] = checks;
  const [firstForecast, ...otherForecasts] = forecasts;
  const orderedPrompts = [
    ...prompts.filter((p) => p.level !== 'analysis'),
    ...prompts.filter((p) => p.level === 'analysis'),
  ];
  markExtensions(
    [
      ...(firstCheck ? [firstCheck] : []),
      ...(firstForecast ? [firstForecast] : []),
      ...orderedPrompts,
      ...otherChecks,
      ...otherForecasts,
    ],
    itemTarget(words),
  );
  // Each section keeps a core item: a class that skips extensions still discusses every part.
  for (const section of sections) {
    if (section.items.every((item) => item.extension === true)) delete section.items[0]!.extension;
  }

  const allParagraphs = sections.flatMap((s) => s.paragraphs);
  return {
    schemaVersion: DRAFT_SCHEMA_VERSION,
    id: options.lessonId,
    metadata: metadataOf(article, asOf),
    sections: sections.map((section, index) => {
      const opening = index === 0 ? [read.headline, read.byline].filter((p) => p !== null) : [];
      const phrase = phrases[index];
      const title = section.heading ?? (phrase ? asTitle(phrase.text) : `Part ${index + 1}`);
      return {
        id: `section-${index + 1}`,
        title,
        paragraphs: [...opening, ...section.paragraphs].map(paragraphJson),
        items: section.items,
        summary: draftSummary(sentencesOf(section), title),
        teacherNotes: [],
        drafted: `${section.heading ? 'Title: the article’s heading' : phrase ? `Title drafted from its key phrase “${phrase.text}”` : 'Title: a placeholder'}; summary: its opening sentences, to rewrite as a recap.`,
      };
    }),
    glossary: glossaryCandidates(
      allParagraphs,
      read.doc,
      options.wordRank,
      read.headline?.text ?? '',
    ),
  };
}
