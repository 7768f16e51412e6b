import { useId } from 'react';
import type { StudentForecastItem as ForecastItem } from '#domain/lesson/answer-key-schemas';
import type { ItemResults } from '#domain/api/live-contracts';
import { describeSpreadStrip, SPREAD_STRIP, spreadBars, spreadX } from '../../lib/chart-geometry';
import { ChartStyles } from './chart-styles';

type ForecastResults = Extract<ItemResults, { kind: 'forecast' }>;

const { baseline, viewWidth } = SPREAD_STRIP;
const TICKS = [
  { percent: 0, anchor: 'start' },
  { percent: 50, anchor: 'middle' },
  { percent: 100, anchor: 'end' },
] as const;

/** The lesson's reading: a diamond on the baseline, a shape as well as a colour. */
function diamondAt(x: number, y: number, half: number): string {
  return `M${x} ${y - half}L${x + half} ${y}L${x} ${y + half}L${x - half} ${y}Z`;
}

function Legend({ hasReading }: { readonly hasReading: boolean }) {
  return (
    <ul className="chart-legend">
      <li>
        <svg viewBox="0 0 20 12" aria-hidden="true">
          <rect className="chart-bar" x="2" y="2" width="16" height="10" />
        </svg>
        Forecasts in each tenth
      </li>
      <li>
        <svg viewBox="0 0 20 12" aria-hidden="true">
          <line className="chart-mean" x1="10" x2="10" y1="0" y2="12" />
        </svg>
        Mean
      </li>
      <li>
        <svg viewBox="0 0 20 12" aria-hidden="true">
          <line className="chart-median" x1="10" x2="10" y1="0" y2="12" />
        </svg>
        Median
      </li>
      {hasReading ? (
        <li>
          <svg viewBox="0 0 20 12" aria-hidden="true">
            <path className="chart-reading" d={diamondAt(10, 6, 5)} />
          </svg>
          The lesson’s reading
        </li>
      ) : null}
    </ul>
  );
}

/**
 * A forecast's spread for the eye: per scenario a strip from 0 to 100 % with how many forecast
 * each tenth, the class's mean and median, and the lesson's reading when it gives one. Each
 * strip is an image named by its scenario and marks; the results table holds the counts.
 */
export function SpreadChart({
  item,
  results,
}: {
  readonly item: ForecastItem;
  readonly results: ForecastResults;
}) {
  const captionId = useId();
  const rows = results.scenarios.map((scenario) => {
    const lessonScenario = item.scenarios.find((s) => s.id === scenario.scenarioId);
    return {
      ...scenario,
      statement: lessonScenario?.statement ?? scenario.scenarioId,
      reading: lessonScenario?.lessonReading?.probability,
    };
  });
  return (
    <figure className="chart spread-chart" aria-labelledby={captionId}>
      <ChartStyles />
      <figcaption id={captionId} className="chart-caption">
        Forecast spread
      </figcaption>
      <Legend hasReading={rows.some((row) => row.reading !== undefined)} />
      {rows.map((row) => (
        <div key={row.scenarioId} className="spread-row">
          <p className="spread-statement" aria-hidden="true">
            {row.statement}
          </p>
          <svg
            viewBox={`0 0 ${viewWidth} 50`}
            role="img"
            aria-label={describeSpreadStrip({
              statement: row.statement,
              mean: row.mean,
              median: row.median,
              lessonReading: row.reading,
            })}
          >
            {spreadBars(row.buckets).map((bar) => (
              <rect
                key={bar.tenth}
                className="chart-bar"
                x={bar.x + 1}
                y={bar.y}
                width={bar.width - 2}
                height={bar.height}
              />
            ))}
            <line
              className="chart-axis"
              x1={spreadX(0)}
              x2={spreadX(100)}
              y1={baseline}
              y2={baseline}
            />
            {TICKS.map((tick) => (
              <g key={tick.percent}>
                <line
                  className="chart-axis"
                  x1={spreadX(tick.percent)}
                  x2={spreadX(tick.percent)}
                  y1={baseline}
                  y2={baseline + 3}
                />
                <text
                  className="chart-text"
                  x={spreadX(tick.percent)}
                  y={baseline + 14}
                  textAnchor={tick.anchor}
                >
                  {tick.percent} %
                </text>
              </g>
            ))}
            {row.mean === null ? null : (
              <line
                className="chart-mean"
                x1={spreadX(row.mean)}
                x2={spreadX(row.mean)}
                y1={2}
                y2={baseline}
              />
            )}
            {row.median === null ? null : (
              <line
                className="chart-median"
                x1={spreadX(row.median)}
                x2={spreadX(row.median)}
                y1={2}
                y2={baseline}
              />
            )}
            {row.reading === undefined ? null : (
              <path className="chart-reading" d={diamondAt(spreadX(row.reading), baseline, 6)} />
            )}
          </svg>
        </div>
      ))}
    </figure>
  );
}
