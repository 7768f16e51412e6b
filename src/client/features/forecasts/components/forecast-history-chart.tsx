import { useId } from 'react';
import { ChartStyles } from '#shared/components/charts/chart-styles';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { dayNumber, utcDayOf } from '#domain/forecasting/days';
import { formatMadeAt, formatShortDay } from '../lib/forecast-days';
import {
  describeHistory,
  formatPercent,
  HISTORY_PLOT,
  historyAxis,
  historyTicks,
  historyX,
  historyY,
  medianSteps,
  standingByDay,
  stepPath,
  type DayPercent,
} from '../lib/history-geometry';
import { ForecastStyles } from './forecast-styles';

/** One version of a student's forecast of one scenario. */
export interface ScenarioVersion {
  readonly madeAt: string;
  readonly percent: number;
  readonly reason: string | null;
}

const Y_TICKS = [0, 50, 100] as const;
const { left, top, width, height, viewWidth, viewHeight } = HISTORY_PLOT;
const bottom = top + height;

function Legend({ hasMine }: { readonly hasMine: boolean }) {
  return (
    <ul className="chart-legend">
      {hasMine ? (
        <li>
          <svg viewBox="0 0 20 12" aria-hidden="true">
            <line className="history-mine" x1="0" x2="20" y1="6" y2="6" />
          </svg>
          Your forecast
        </li>
      ) : null}
      <li>
        <svg viewBox="0 0 20 12" aria-hidden="true">
          <line className="history-median" x1="0" x2="20" y1="6" y2="6" />
        </svg>
        Class median
      </li>
    </ul>
  );
}

/** The median standing on a day: the last step on or before it. */
function medianOn(steps: readonly DayPercent[], day: string): number | null {
  const standing = steps.filter((step) => dayNumber(step.day) <= dayNumber(day)).at(-1);
  return standing?.percent ?? null;
}

/**
 * A scenario's forecasts over the days of its question, as steps: the student's own (each held
 * until the next) and the class's median, dashed. The image is named and described in words;
 * the table under it holds every version with its time, reason and the class median that day.
 * Without `versions` (the teacher's copy) it draws the median alone.
 */
export function ForecastHistoryChart({
  statement,
  versions,
  median,
  opensOn,
  lastDay,
  today,
}: {
  readonly statement: string;
  readonly versions?: readonly ScenarioVersion[];
  readonly median: readonly DayPercent[];
  readonly opensOn: string;
  /** The last day the forecasts count for: the close date, or the day it resolved. */
  readonly lastDay: string;
  readonly today: string;
}) {
  const summaryId = useId();
  const mine = standingByDay(versions ?? []);
  const medians = medianSteps(median);
  const axis = historyAxis(opensOn, lastDay, [mine, medians]);
  // Drawn up to today while the question runs; through its last day once that has passed.
  const through = dayNumber(today) < dayNumber(axis.to) ? today : axis.to;
  const hasToday = dayNumber(today) <= dayNumber(axis.to);
  const todayX =
    historyX(axis, today) + width / (dayNumber(axis.to) - dayNumber(axis.from) + 1) / 2;
  return (
    <div className="history">
      <ForecastStyles />
      <ChartStyles />
      <figure className="chart history-chart">
        <Legend hasMine={versions !== undefined} />
        <svg
          viewBox={`0 0 ${viewWidth} ${viewHeight}`}
          role="img"
          aria-label={
            versions === undefined
              ? `The class median over time: ${statement}`
              : `Your forecasts over time: ${statement}`
          }
          aria-describedby={summaryId}
        >
          {Y_TICKS.map((tick) => (
            <g key={tick}>
              <line
                className="chart-grid"
                x1={left}
                x2={left + width}
                y1={historyY(tick)}
                y2={historyY(tick)}
              />
              <text className="chart-text" x={left - 4} y={historyY(tick) + 4} textAnchor="end">
                {tick} %
              </text>
            </g>
          ))}
          {historyTicks(axis, hasToday ? today : undefined).map((tick) => (
            <text
              key={tick.day}
              className="chart-text"
              x={tick.x}
              y={bottom + 16}
              textAnchor="middle"
            >
              {tick.day === today ? 'today' : formatShortDay(tick.day)}
            </text>
          ))}
          <path className="chart-axis" d={`M${left} ${top}V${bottom}H${left + width}`} />
          {hasToday ? (
            <line className="history-today" x1={todayX} x2={todayX} y1={top} y2={bottom} />
          ) : null}
          <path className="history-median" d={stepPath(axis, medians, through)} />
          {versions === undefined ? null : (
            <path className="history-mine" d={stepPath(axis, mine, through)} />
          )}
        </svg>
        <figcaption id={summaryId} className="chart-summary">
          {describeHistory(versions === undefined ? null : mine, medians)}
        </figcaption>
      </figure>
      {versions === undefined || versions.length === 0 ? null : (
        <TableScrollBox
          caption={`Your forecasts: ${statement}`}
          columns={['Made', 'Your forecast', 'Class median that day', 'Reason']}
        >
          <tbody>
            {[...versions]
              .sort((a, b) => Date.parse(a.madeAt) - Date.parse(b.madeAt))
              .map((version) => {
                const then = medianOn(medians, utcDayOf(version.madeAt));
                return (
                  <tr key={version.madeAt}>
                    <th scope="row">{formatMadeAt(version.madeAt)}</th>
                    <td>{version.percent} %</td>
                    <td>{then === null ? '–' : formatPercent(then)}</td>
                    <td>{version.reason ?? '–'}</td>
                  </tr>
                );
              })}
          </tbody>
        </TableScrollBox>
      )}
    </div>
  );
}
