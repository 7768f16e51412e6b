import type { DraftParagraph } from '../lib/draft-lesson';
import { fieldDomId } from '../lib/problems';
import { FieldProblems } from './fields';
import { focusLater } from './focus-later';
import { useFieldProblems } from './problems-context';

export const paragraphStartId = (articleIndex: number) => `paragraph-${articleIndex}-start`;

/**
 * A section's paragraphs of the article, each with "Start a section here": checking it starts a
 * new section at that paragraph, unchecking a section's first paragraph joins the section to the
 * one before. The article's first paragraph always starts the first section.
 */
export function SectionParagraphs({
  paragraphs,
  sectionIndex,
  firstArticleIndex,
  path,
  onSplit,
  onJoin,
}: {
  readonly paragraphs: readonly DraftParagraph[];
  readonly sectionIndex: number;
  /** The place of the section's first paragraph in the whole article, from 0. */
  readonly firstArticleIndex: number;
  readonly path: string;
  readonly onSplit: (indexInSection: number) => void;
  readonly onJoin: () => void;
}) {
  const problems = useFieldProblems(`${path}.paragraphs`);
  const id = fieldDomId(`${path}.paragraphs`);
  return (
    <div className="section-paragraphs">
      <h4 id={id} tabIndex={-1}>
        Article text of this section
      </h4>
      <FieldProblems id={`${id}-problems`} problems={problems} />
      {paragraphs.length === 0 ? <p className="hint">No paragraphs.</p> : null}
      <ol className="paragraph-list" start={firstArticleIndex + 1}>
        {paragraphs.map((paragraph, index) => {
          const articleIndex = firstArticleIndex + index;
          const isStart = index === 0;
          const isArticleStart = isStart && sectionIndex === 0;
          return (
            <li key={articleIndex} className={isStart ? 'paragraph paragraph-start' : 'paragraph'}>
              <p className="paragraph-text">{paragraph.text}</p>
              <label className="choice paragraph-mark">
                <input
                  id={paragraphStartId(articleIndex)}
                  type="checkbox"
                  checked={isStart}
                  disabled={isArticleStart}
                  onChange={(event) => {
                    if (event.target.checked) onSplit(index);
                    else onJoin();
                    focusLater(paragraphStartId(articleIndex));
                  }}
                />
                <span>
                  Start a section here
                  <span className="visually-hidden"> (paragraph {articleIndex + 1})</span>
                  {isArticleStart ? <span className="hint"> (the article’s start)</span> : null}
                </span>
              </label>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
