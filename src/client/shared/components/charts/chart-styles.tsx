import chartsCss from './charts.css?inline';

/**
 * The charts' stylesheet, which comes with their code: imported as a plain CSS file it would be a
 * file of its own, and the student's first download would carry its name in the list of what to
 * load with the live and teacher pages (the first download is at its budget). React puts it in
 * the head once, however many charts render it.
 */
export function ChartStyles() {
  return (
    <style href="results-charts" precedence="default">
      {chartsCss}
    </style>
  );
}
