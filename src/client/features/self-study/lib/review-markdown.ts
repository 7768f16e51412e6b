import { getItemQuestion } from '#domain/lesson/item-question';
import type { AnswersByItem } from '#domain/lesson/answers';
import type { StudentLesson as Lesson } from '#domain/lesson/answer-key-schemas';
import { escapeMarkdownText as escapeMarkdown } from '#domain/reports/markdown-text';
import { scoreForecast } from '#domain/scoring/brier';
import {
  describeSimpleAnswer,
  formatBrier,
  formatCategory,
  ITEM_KIND_LABELS,
  NOT_RESOLVED,
} from '#shared/lib/describe-answer';
import { claimCheckReview, forecastReview } from './item-review';
import { getReveal } from './reveal';

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

/** The student's whole self-study work as a Markdown document they can keep. */
export function buildReviewMarkdown(
  lesson: Lesson,
  answers: AnswersByItem,
  skippedItemIds: ReadonlySet<string>,
  exportedAt: Date,
): string {
  const { metadata } = lesson;
  const reveal = getReveal(lesson, answers, skippedItemIds);
  const lines: string[] = [
    `# ${escapeMarkdown(metadata.title)}`,
    '',
    `Self-study work on "${escapeMarkdown(metadata.source.headline)}" (${escapeMarkdown(
      metadata.source.publication,
    )}, ${escapeMarkdown(metadata.source.published)}).`,
    '',
    `Exported ${exportedAt.toISOString().slice(0, 10)}.`,
  ];

  lesson.sections.forEach((section, index) => {
    lines.push('', `## ${index + 1}. ${escapeMarkdown(section.title)}`);
    for (const item of section.items) {
      const answer = answers[item.id];
      lines.push(
        '',
        `### ${ITEM_KIND_LABELS[item.kind]}: ${escapeMarkdown(getItemQuestion(item))}`,
        '',
      );
      // An item's key arrives once it is done (and the device online): until then, none.
      const isDue = reveal.isItemRevealed(item);
      if (item.kind === 'forecast') {
        const { probabilities, keyed: forecast } = forecastReview(item, answer, isDue);
        if (!forecast) {
          lines.push('| Scenario | My forecast |', '|---|---|');
          for (const scenario of item.scenarios) {
            const percent = probabilities[scenario.id];
            const mine = percent === undefined ? 'not given' : `${percent} %`;
            lines.push(`| ${escapeMarkdown(scenario.statement)} | ${mine} |`);
          }
          lines.push(
            '',
            '_What happened shows once every forecast here is given or the lesson is finished._',
          );
          continue;
        }
        const score = scoreForecast(forecast.scenarios, probabilities);
        lines.push('| Scenario | My forecast | What happened | Brier score |', '|---|---|---|---|');
        for (const scenario of forecast.scenarios) {
          const scored = score.scenarios.find((s) => s.scenarioId === scenario.id);
          const mine = scored ? `${scored.percent} %` : 'not given';
          const { resolution } = scenario;
          const outcome = resolution
            ? `${resolution.happened ? 'Yes' : 'No'}: ${resolution.text}`
            : NOT_RESOLVED;
          const brier = scored ? formatBrier(scored.brier) : '-';
          lines.push(
            `| ${escapeMarkdown(scenario.statement)} | ${mine} | ${escapeMarkdown(outcome)} | ${brier} |`,
          );
        }
        lines.push(
          '',
          score.meanBrier === null
            ? forecast.scenarios.some((s) => probabilities[s.id] !== undefined)
              ? 'Mean Brier score: none yet, what I forecast is not resolved yet.'
              : 'Mean Brier score: no forecasts given.'
            : `Mean Brier score: ${formatBrier(score.meanBrier)} (0 is perfect; always saying 50 % scores 0.250).`,
        );
      } else if (item.kind === 'claimCheck') {
        const { categories, keyed: claimCheck } = claimCheckReview(item, answer, isDue);
        if (!claimCheck) {
          for (const claim of item.claims) {
            const chosen = categories[claim.id];
            lines.push(
              `- "${escapeMarkdown(claim.quote)}": I said ${chosen ? formatCategory(chosen) : 'nothing yet'}.`,
            );
          }
          lines.push(
            '',
            '_The lesson’s sorting shows once every passage here is sorted or the lesson is finished._',
          );
          continue;
        }
        for (const claim of claimCheck.claims) {
          const chosen = categories[claim.id];
          lines.push(
            `- "${escapeMarkdown(claim.quote)}": I said ${chosen ? formatCategory(chosen) : 'nothing'}; the lesson says ${formatCategory(claim.expected)}. ${escapeMarkdown(claim.explanation)}`,
          );
        }
      } else {
        const described = describeSimpleAnswer(item, answer);
        if (described !== null) lines.push(quoteBlock(described));
        else lines.push(skippedItemIds.has(item.id) ? '_Skipped._' : '_Not answered._');
      }
    }
    lines.push(
      '',
      reveal.isSummaryOpen(section)
        ? `**Summary.** ${escapeMarkdown(section.summary)}`
        : '_The summary opens once this section’s questions are answered or skipped._',
    );
  });
  return `${lines.join('\n')}\n`;
}
