import { useId, useMemo, useState } from 'react';
import type { GlossaryTerm, Paragraph } from '#domain/lesson/lesson-schema';
import { segmentParagraphs } from '../lib/glossary-segments';

function GlossaryTermButton({
  text,
  term,
}: {
  readonly text: string;
  readonly term: GlossaryTerm;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const definitionId = useId();
  return (
    <>
      <button
        type="button"
        className="term"
        aria-expanded={isOpen}
        aria-controls={definitionId}
        onClick={() => {
          setIsOpen((open) => !open);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setIsOpen(false);
        }}
      >
        {text}
      </button>
      <span id={definitionId} className="definition" role="note" hidden={!isOpen}>
        <strong>{term.term}:</strong> {term.definition}
      </span>
    </>
  );
}

const ROLE_CLASS: Record<NonNullable<Paragraph['role']>, string> = {
  headline: 'article-headline',
  standfirst: 'article-standfirst',
  caption: 'article-caption',
  body: 'article-body',
  byline: 'article-byline',
};

/**
 * The section's article text, verbatim, with glossary terms that open their definitions, marked
 * with the lesson's language (`lang`), so a screen reader reads it in that language.
 */
export function ArticleText({
  paragraphs,
  glossary,
  lang,
}: {
  readonly paragraphs: readonly Paragraph[];
  readonly glossary: readonly GlossaryTerm[];
  /** The lesson's language, `metadata.language` ("en"). */
  readonly lang: string | undefined;
}) {
  const segmented = useMemo(() => segmentParagraphs(paragraphs, glossary), [paragraphs, glossary]);
  return (
    <article className="article" aria-label="Article text" lang={lang}>
      {segmented.map((segments, index) => (
        <p key={index} className={ROLE_CLASS[paragraphs[index]?.role ?? 'body']}>
          {segments.map((segment, s) =>
            segment.kind === 'text' ? (
              segment.text
            ) : (
              <GlossaryTermButton key={s} text={segment.text} term={segment.term} />
            ),
          )}
        </p>
      ))}
    </article>
  );
}
