import { LANGUAGE_TAG } from '#domain/lesson/lesson-schema';
import { useId, useMemo, useState } from 'react';
import type { Answer, AnswersByItem } from '#domain/lesson/answers';
import { getItemQuestion } from '#domain/lesson/item-question';
import type { Item } from '#domain/lesson/lesson-schema';
import { ArticleText } from '#shared/components/article-text';
import { ItemAnswer } from '#shared/components/items/item-answer';
import { ITEM_KIND_LABELS } from '#shared/lib/describe-answer';
import type { DraftLesson } from '../lib/draft-lesson';
import { previewLesson, type PreviewSection } from '../lib/preview-lesson';

function PreviewItem({
  item,
  position,
  count,
  answer,
  onAnswer,
}: {
  readonly item: Item;
  readonly position: number;
  readonly count: number;
  readonly answer: Answer | undefined;
  readonly onAnswer: (answer: Answer) => void;
}) {
  const headingId = useId();
  const question = getItemQuestion(item);
  return (
    <section className="item" aria-labelledby={headingId}>
      <p className="item-kind">
        {ITEM_KIND_LABELS[item.kind]} · question {position} of {count}
        {item.extension ? ' · extension' : ''}
      </p>
      <h4 id={headingId} className="item-question">
        {question.trim() === '' ? '(no question yet)' : question}
      </h4>
      <ItemAnswer item={item} labelId={headingId} answer={answer} onAnswer={onAnswer} />
    </section>
  );
}

function PreviewSectionView({
  section,
  number,
  count,
  glossary,
  lang,
}: {
  readonly section: PreviewSection;
  readonly number: number;
  readonly count: number;
  readonly glossary: ReturnType<typeof previewLesson>['glossary'];
  readonly lang: string | undefined;
}) {
  const headingId = useId();
  // Answers live only as long as the preview: nothing is saved or sent.
  const [answers, setAnswers] = useState<AnswersByItem>({});
  return (
    <section className="preview-section" aria-labelledby={headingId}>
      <p className="section-count">
        Section {number} of {count}
      </p>
      <h3 id={headingId}>{section.title.trim() === '' ? '(no title yet)' : section.title}</h3>
      <ArticleText paragraphs={section.paragraphs} glossary={glossary} lang={lang} />
      <div className="items">
        {section.items.map((item, index) => (
          <PreviewItem
            key={item.id}
            item={item}
            position={index + 1}
            count={section.items.length}
            answer={answers[item.id]}
            onAnswer={(answer) => {
              setAnswers((current) => ({ ...current, [item.id]: answer }));
            }}
          />
        ))}
      </div>
      {section.summary.trim() === '' ? null : (
        <section className="summary" aria-label={`Summary of section ${number}`}>
          <h4>Summary</h4>
          <p className="summary-text">{section.summary}</p>
        </section>
      )}
    </section>
  );
}

/**
 * "Preview as a student": the draft as the student's pages show it (the article with its
 * glossary terms, each question's answer controls, the summary), every section on one page.
 * Answers given here are not kept.
 */
export function LessonPreview({ draft }: { readonly draft: DraftLesson }) {
  const lesson = useMemo(() => previewLesson(draft), [draft]);
  // A language code not written yet marks nothing.
  const lang = LANGUAGE_TAG.test(draft.metadata.language) ? draft.metadata.language : undefined;
  return (
    <div className="lesson-preview">
      <p className="hint">
        As a student sees the lesson, every section one after the other. Answers here are not kept.
      </p>
      <h2>{lesson.title.trim() === '' ? '(no title yet)' : lesson.title}</h2>
      {lesson.subtitle ? <p className="lead">{lesson.subtitle}</p> : null}
      {lesson.source ? <p className="hint">{lesson.source}</p> : null}
      {lesson.sections.map((section, index) => (
        <PreviewSectionView
          key={section.id}
          section={section}
          number={index + 1}
          count={lesson.sections.length}
          glossary={lesson.glossary}
          lang={lang}
        />
      ))}
    </div>
  );
}
