import forecastsCss from '../forecasts.css?inline';

/**
 * The forecasts pages' stylesheet, which comes with their code: imported as a plain CSS file its
 * name would be listed in the student's first download (see chart-styles.tsx).
 */
export function ForecastStyles() {
  return (
    <style href="forecasts" precedence="default">
      {forecastsCss}
    </style>
  );
}
