import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ForecastItem } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { CalibrationChart } from './calibration-chart';
import { SpreadChart } from './spread-chart';

const forecast = soleimaniLesson.sections
  .flatMap((section) => section.items)
  .find((item): item is ForecastItem => item.kind === 'forecast')!;

describe('CalibrationChart', () => {
  it('is an image with a name, described by its summary, with a dot per group of forecasts', () => {
    const html = renderToStaticMarkup(
      <CalibrationChart
        rows={[
          { from: 0, to: 20, forecasts: 0, happened: 0, meanProbability: null, observedRate: null },
          { from: 60, to: 80, forecasts: 4, happened: 1, meanProbability: 70, observedRate: 0.25 },
        ]}
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Calibration chart: ');
    expect(html).toContain('Perfect calibration');
    expect(html).toContain('Over-confident at 60–80 %.');
    expect(html.match(/<circle/g)).toHaveLength(1);
  });
});

describe('SpreadChart', () => {
  it('draws a strip per scenario, named by its statement and marks', () => {
    const scenarios = forecast.scenarios.map((scenario, i) => ({
      scenarioId: scenario.id,
      mean: i === 0 ? 65 : null,
      median: i === 0 ? 60 : null,
      count: i === 0 ? 2 : 0,
      buckets: Array.from({ length: 10 }, (_, tenth) => (i === 0 && tenth === 6 ? 2 : 0)),
    }));
    const html = renderToStaticMarkup(
      <SpreadChart
        item={forecast}
        results={{ kind: 'forecast', itemId: forecast.id, responses: 2, scenarios }}
      />,
    );
    expect(html.match(/role="img"/g)).toHaveLength(forecast.scenarios.length);
    const first = forecast.scenarios[0]!;
    const reading = first.lessonReading
      ? `, the lesson’s reading ${first.lessonReading.probability} %`
      : '';
    expect(html).toContain(`aria-label="${first.statement}: mean 65 %, median 60 %${reading}"`);
    expect(html).toContain('Forecast spread');
  });
});
