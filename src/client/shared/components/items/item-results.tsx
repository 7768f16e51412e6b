import type { StudentItem as Item } from '#domain/lesson/answer-key-schemas';
import { SCALE_LABELS } from '#domain/lesson/lesson-constants';
import type { ItemResults } from '#domain/api/live-contracts';
import { describeSpreadCounts } from '../../lib/chart-geometry';
import { SpreadChart } from '../charts/spread-chart';
import { TableScrollBox } from '../table-scroll-box';
import { LESSON_READING_HEADING, LessonReadingCell } from './lesson-reading';

/** The lesson's reading of one scenario of a forecast's results, as a table cell. */
function lessonScenarioOf(item: Item, scenarioId: string) {
  const scenario =
    item.kind === 'forecast' ? item.scenarios.find((s) => s.id === scenarioId) : undefined;
  return scenario ? <LessonReadingCell scenario={scenario} /> : <td>–</td>;
}

function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 100);
}

function choiceLabel(item: Item, key: string): string {
  if (item.kind === 'poll') return item.options.find((o) => o.id === key)?.label ?? key;
  if (item.kind === 'scale') return SCALE_LABELS[Number(key) - 1] ?? key;
  return key;
}

function Bar({ percent }: { readonly percent: number }) {
  return (
    <span className="bar" aria-hidden="true">
      <span className="bar-fill" style={{ width: `${percent}%` }} />
    </span>
  );
}

function responsesText(count: number): string {
  return count === 1 ? '1 response' : `${count} responses`;
}

/**
 * The class's results for one item, as a table a screen reader can read (with bars for the eye):
 * poll and scale counts, forecast mean and median per scenario (and a chart of their spread),
 * claim checks sorted as expected.
 */
export function ItemResultsView({
  item,
  results,
  caption = 'Class results',
}: {
  readonly item: Item;
  readonly results: ItemResults;
  readonly caption?: string;
}) {
  const fullCaption = `${caption} (${responsesText(results.responses)})`;
  switch (results.kind) {
    case 'choice': {
      const keys =
        item.kind === 'poll'
          ? item.options.map((o) => o.id)
          : item.kind === 'scale'
            ? SCALE_LABELS.map((_, i) => String(i + 1))
            : results.counts.map((c) => c.key);
      return (
        <TableScrollBox
          caption={fullCaption}
          tableClassName="table results-table"
          columns={['Answer', 'Count', 'Share']}
        >
          <tbody>
            {keys.map((key) => {
              const count = results.counts.find((c) => c.key === key)?.count ?? 0;
              // Of the students who answered: in a multiple-choice poll the shares add up past 100.
              const percent = percentOf(count, results.responses);
              return (
                <tr key={key}>
                  <th scope="row">{choiceLabel(item, key)}</th>
                  <td>{count}</td>
                  <td>
                    <span className="share">
                      <Bar percent={percent} />
                      {percent} %
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </TableScrollBox>
      );
    }
    case 'forecast':
      return (
        <>
          <TableScrollBox
            caption={fullCaption}
            tableClassName="table results-table"
            columns={[
              'Scenario',
              'Mean',
              'Median',
              LESSON_READING_HEADING,
              'Forecasts',
              'Spread (forecasts per tenth)',
            ]}
          >
            <tbody>
              {results.scenarios.map((scenario) => (
                <tr key={scenario.scenarioId}>
                  <th scope="row">
                    {item.kind === 'forecast'
                      ? (item.scenarios.find((s) => s.id === scenario.scenarioId)?.statement ??
                        scenario.scenarioId)
                      : scenario.scenarioId}
                  </th>
                  <td>{scenario.mean === null ? '–' : `${Math.round(scenario.mean)} %`}</td>
                  <td>{scenario.median === null ? '–' : `${Math.round(scenario.median)} %`}</td>
                  {lessonScenarioOf(item, scenario.scenarioId)}
                  <td>{scenario.count}</td>
                  <td>{describeSpreadCounts(scenario.buckets)}</td>
                </tr>
              ))}
            </tbody>
          </TableScrollBox>
          {item.kind === 'forecast' ? <SpreadChart item={item} results={results} /> : null}
        </>
      );
    case 'claimCheck':
      return (
        <TableScrollBox
          caption={fullCaption}
          tableClassName="table results-table"
          columns={['Sentence', 'Sorted as the lesson does']}
        >
          <tbody>
            {results.claims.map((claim) => {
              const percent = percentOf(claim.asExpected, results.responses);
              return (
                <tr key={claim.claimId}>
                  <th scope="row">
                    {item.kind === 'claimCheck'
                      ? (item.claims.find((c) => c.id === claim.claimId)?.quote ?? claim.claimId)
                      : claim.claimId}
                  </th>
                  <td>
                    <span className="share">
                      <Bar percent={percent} />
                      {claim.asExpected} of {results.responses} ({percent} %)
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </TableScrollBox>
      );
    case 'text':
      return <p className="hint">{responsesText(results.responses)}. Discuss them in class.</p>;
  }
}
