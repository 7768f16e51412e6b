import { useId } from 'react';
import type { CalibrationRow } from '#domain/api/dashboard-contracts';
import {
  CALIBRATION_PLOT,
  calibrationPoints,
  calibrationX,
  calibrationY,
  describeCalibration,
} from '../../lib/chart-geometry';
import { ChartStyles } from './chart-styles';

const TICKS = [0, 50, 100] as const;
const { left, top, size, width, height } = CALIBRATION_PLOT;
const right = left + size;
const bottom = top + size;

/**
 * The class's calibration as a reliability diagram, for the eye: each group of forecasts is a
 * point at its mean forecast (across) and how often its events happened (up), sized and
 * labelled by how many forecasts it holds; on the diagonal, what happened matched the forecasts.
 * Its description says which groups were over- or under-confident; the table beside it holds
 * the numbers. Groups with no forecasts are not plotted.
 */
export function CalibrationChart({ rows }: { readonly rows: readonly CalibrationRow[] }) {
  const summaryId = useId();
  const points = calibrationPoints(rows);
  return (
    <figure className="chart calibration-chart">
      <ChartStyles />
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label="Calibration chart: the forecasts given against how often they happened"
        aria-describedby={summaryId}
      >
        {TICKS.map((tick) => (
          <g key={tick}>
            <line
              className="chart-grid"
              x1={left}
              x2={right}
              y1={calibrationY(tick)}
              y2={calibrationY(tick)}
            />
            <line
              className="chart-grid"
              x1={calibrationX(tick)}
              x2={calibrationX(tick)}
              y1={top}
              y2={bottom}
            />
            <text className="chart-text" x={left - 4} y={calibrationY(tick) + 4} textAnchor="end">
              {tick} %
            </text>
            <text className="chart-text" x={calibrationX(tick)} y={bottom + 14} textAnchor="middle">
              {tick} %
            </text>
          </g>
        ))}
        <path className="chart-axis" d={`M${left} ${top}V${bottom}H${right}`} />
        <line className="chart-diagonal" x1={left} y1={bottom} x2={right} y2={top} />
        <text
          className="chart-text chart-note"
          transform={`translate(${calibrationX(76)} ${calibrationY(82)}) rotate(-45)`}
          textAnchor="middle"
        >
          Perfect calibration
        </text>
        <text className="chart-text" x={left + size / 2} y={bottom + 30} textAnchor="middle">
          Forecast given
        </text>
        <text
          className="chart-text"
          transform={`translate(12 ${top + size / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          How often it happened
        </text>
        {points.map((point) => (
          <g key={point.label}>
            <circle className="chart-point" cx={point.cx} cy={point.cy} r={point.r} />
            <text
              className="chart-text"
              // Beside the point, on the side with room.
              x={point.forecast > 80 ? point.cx - point.r - 3 : point.cx + point.r + 3}
              y={point.cy + 4}
              textAnchor={point.forecast > 80 ? 'end' : 'start'}
            >
              {point.forecasts}
            </text>
          </g>
        ))}
      </svg>
      <figcaption id={summaryId} className="chart-summary">
        {points.length > 0 ? `Each dot’s size and number: the forecasts in it. ` : null}
        {describeCalibration(points)}
      </figcaption>
    </figure>
  );
}
