import { useId } from 'react';
import { CalibrationChart } from '#shared/components/charts/calibration-chart';
import { TableScrollBox } from '#shared/components/table-scroll-box';
import { formatScore } from '../lib/question-text';
import type { Calibration } from '../lib/view-types';

const percent = (rate: number) => `${Math.round(rate * 100)} %`;

/**
 * Calibration over every resolved scenario: the chart (shared with the session's results), its
 * table with the count in each bin, and the Brier score's decomposition in plain words.
 */
export function CalibrationSection({
  heading,
  whose,
  calibration,
}: {
  readonly heading: string;
  /** Whose final forecasts these are, for the captions: "your", "the class median’s". */
  readonly whose: string;
  readonly calibration: Calibration;
}) {
  const headingId = useId();
  const { decomposition } = calibration;
  const rows = calibration.bins.filter((bin) => bin.forecasts > 0);
  return (
    <section aria-labelledby={headingId} className="calibration-section">
      <h2 id={headingId}>{heading}</h2>
      {calibration.forecastCount === 0 ? (
        <p>No resolved scenario yet: calibration shows once questions are resolved.</p>
      ) : (
        <>
          <p className="hint">
            Each scenario counts once, with {whose} last forecast before it closed or resolved. Well
            calibrated, about 70 % of the “70 %” forecasts happen. Annulled scenarios are left out.
          </p>
          <div className="chart-beside">
            <CalibrationChart rows={calibration.bins} />
            <TableScrollBox
              caption={`Calibration of ${whose} forecasts (${calibration.forecastCount} resolved)`}
              columns={['Forecasts of', 'Made', 'Happened', 'How often']}
            >
              <tbody>
                {rows.map((bin) => (
                  <tr key={bin.from}>
                    <th scope="row">
                      {bin.from}–{bin.to} %
                    </th>
                    <td>{bin.forecasts}</td>
                    <td>{bin.happened}</td>
                    <td>{bin.observedRate === null ? '–' : percent(bin.observedRate)}</td>
                  </tr>
                ))}
              </tbody>
            </TableScrollBox>
          </div>
          {decomposition ? (
            <dl className="decomposition">
              <dt>Mean Brier score</dt>
              <dd>{formatScore(decomposition.meanBrier)}</dd>
              <dt>Reliability (lower is better)</dt>
              <dd>
                {formatScore(decomposition.reliability)}: how far the forecasts in each bin were
                from how often their events happened.
              </dd>
              <dt>Resolution (higher is better)</dt>
              <dd>
                {formatScore(decomposition.resolution)}: how much the forecasts told the events that
                happened from those that did not.
              </dd>
              <dt>Uncertainty</dt>
              <dd>
                {formatScore(decomposition.uncertainty)}: how hard the questions were; the mean
                Brier is about reliability − resolution + uncertainty.
              </dd>
            </dl>
          ) : null}
        </>
      )}
    </section>
  );
}
