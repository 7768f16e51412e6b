import { getItemQuestion } from '#domain/lesson/item-question';
import { useRef, useState, type ReactNode } from 'react';
import type { Answer, AnswersByItem } from '#domain/lesson/answers';
import type { ClaimCategory } from '#domain/lesson/lesson-schema';
import { getLessonProgress } from '#domain/lesson/answers';
import type {
  StudentClaimCheckItem as ClaimCheckItem,
  StudentItem as Item,
  StudentLesson as Lesson,
} from '#domain/lesson/answer-key-schemas';
import { PrintButton } from '#shared/components/print-button';
import { useFocusOnArrival } from '#shared/hooks/use-focus-on-arrival';
import { navigate } from '#shared/lib/router';
import {
  describeSimpleAnswer,
  formatCategory,
  ITEM_KIND_LABELS,
} from '#shared/lib/describe-answer';
import { routes } from '#shared/lib/routes';
import { claimCheckReview } from '../lib/item-review';
import { getReveal } from '../lib/reveal';
import { buildReviewMarkdown } from '../lib/review-markdown';
import { useSelfStudy } from '../stores/use-self-study';
import { AnswersClearedNotice, ClearAnswersSection } from './clear-answers';
import { StartOverButton } from './start-over-button';
import { ForecastReview, OFFLINE_KEY_HINT } from './forecast-review';

/**
 * One passage of a claim check and how the student sorted it ("nothing yet" while the key is
 * not shown), followed by `children`: the lesson's sorting once keyed.
 */
function ClaimReview({
  quote,
  chosen,
  isKeyed = false,
  children,
}: {
  readonly quote: string;
  readonly chosen: ClaimCategory | undefined;
  readonly isKeyed?: boolean;
  readonly children: ReactNode;
}) {
  return (
    <li>
      <q>{quote}</q>
      <br />
      You said{' '}
      <strong>{chosen ? formatCategory(chosen) : isKeyed ? 'nothing' : 'nothing yet'}</strong>
      {children}
    </li>
  );
}

function ClaimCheckReview({
  item,
  answer,
  isRevealed,
}: {
  readonly item: ClaimCheckItem;
  readonly answer: Answer | undefined;
  readonly isRevealed: boolean;
}) {
  const { categories, keyed } = claimCheckReview(item, answer, isRevealed);
  if (!keyed) {
    return (
      <>
        <ul className="claim-review">
          {item.claims.map((claim) => (
            <ClaimReview key={claim.id} quote={claim.quote} chosen={categories[claim.id]}>
              .
            </ClaimReview>
          ))}
        </ul>
        <p className="hint">
          {isRevealed
            ? OFFLINE_KEY_HINT
            : 'The lesson’s sorting shows once you have sorted every passage here or finished the lesson.'}
        </p>
      </>
    );
  }
  return (
    <ul className="claim-review">
      {keyed.claims.map((claim) => {
        const chosen = categories[claim.id];
        return (
          <ClaimReview key={claim.id} quote={claim.quote} chosen={chosen} isKeyed>
            ; the lesson expected <strong>{formatCategory(claim.expected)}</strong>
            {chosen === claim.expected ? ' (a match)' : ''}. {claim.explanation}
          </ClaimReview>
        );
      })}
    </ul>
  );
}

function ItemReview({
  item,
  answers,
  skippedItemIds,
  isRevealed,
}: {
  readonly item: Item;
  readonly answers: AnswersByItem;
  readonly skippedItemIds: ReadonlySet<string>;
  readonly isRevealed: boolean;
}) {
  const answer = answers[item.id];
  const described = describeSimpleAnswer(item, answer);
  return (
    <div className="review-item">
      <h3>
        <span className="item-kind">{ITEM_KIND_LABELS[item.kind]}: </span>
        {getItemQuestion(item)}
      </h3>
      {item.kind === 'forecast' ? (
        <ForecastReview item={item} answer={answer} isRevealed={isRevealed} />
      ) : item.kind === 'claimCheck' ? (
        <ClaimCheckReview item={item} answer={answer} isRevealed={isRevealed} />
      ) : described !== null ? (
        <blockquote className="answer">{described}</blockquote>
      ) : (
        <p className="hint">{skippedItemIds.has(item.id) ? 'Skipped.' : 'Not answered.'}</p>
      )}
    </div>
  );
}

function downloadText(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  // The browser has read the URL once the click is handled.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** Every answer, forecasts scored against what happened, and ways to keep the work. */
export function ReviewPage({
  shareKey,
  lesson,
}: {
  readonly shareKey: string;
  readonly lesson: Lesson;
}) {
  const study = useSelfStudy(shareKey, lesson);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnArrival(headingRef, 'review');
  const [hasCleared, setHasCleared] = useState(false);
  const progress = getLessonProgress(lesson, study.answers, study.skippedItemIds);
  const reveal = getReveal(lesson, study.answers, study.skippedItemIds);
  const forecastItems = lesson.sections.flatMap((s) =>
    s.items.filter((i) => i.kind === 'forecast'),
  );

  // Until the student starts again (here or in another tab).
  if (hasCleared && !study.hasStarted) {
    return <AnswersClearedNotice shareKey={shareKey} lessonTitle={lesson.metadata.title} />;
  }

  return (
    <>
      <title>{`Review: ${lesson.metadata.title}`}</title>
      <h1 ref={headingRef} tabIndex={-1}>
        Your review
      </h1>
      <p>
        {progress.doneItems} of {progress.totalItems} questions answered or skipped;{' '}
        {progress.completeSections} of {lesson.sections.length} sections complete.
      </p>
      <div className="button-row no-print">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            const markdown = buildReviewMarkdown(
              lesson,
              study.answers,
              study.skippedItemIds,
              new Date(),
            );
            downloadText(`${lesson.id}-my-work.md`, markdown, 'text/markdown;charset=utf-8');
          }}
        >
          Download as Markdown
        </button>
        <PrintButton />
        <StartOverButton
          onConfirm={() => {
            study.startOver();
            navigate(routes.lessonHome.build({ shareKey }));
          }}
        />
      </div>

      {forecastItems.length > 0 ? (
        <section aria-labelledby="forecast-results-heading">
          <h2 id="forecast-results-heading">
            {forecastItems.every(reveal.isItemRevealed)
              ? 'Forecasts and what happened'
              : 'Your forecasts'}
          </h2>
          {forecastItems.map((item) => (
            <ForecastReview
              key={item.id}
              item={item}
              answer={study.answers[item.id]}
              isRevealed={reveal.isItemRevealed(item)}
            />
          ))}
        </section>
      ) : null}

      {lesson.sections.map((section, index) => (
        <section
          key={section.id}
          aria-labelledby={`review-${section.id}`}
          className="review-section"
        >
          <h2 id={`review-${section.id}`}>
            {index + 1}. {section.title}
          </h2>
          {section.items
            .filter((item) => item.kind !== 'forecast')
            .map((item) => (
              <ItemReview
                key={item.id}
                item={item}
                answers={study.answers}
                skippedItemIds={study.skippedItemIds}
                isRevealed={reveal.isItemRevealed(item)}
              />
            ))}
          {reveal.isSummaryOpen(section) ? (
            <p className="summary-text">
              <strong>Summary.</strong> {section.summary}
            </p>
          ) : (
            <p className="hint">
              The summary opens once this section’s questions are answered or skipped.
            </p>
          )}
        </section>
      ))}

      <ClearAnswersSection
        onClear={() => {
          study.startOver();
          setHasCleared(true);
        }}
      />
    </>
  );
}
