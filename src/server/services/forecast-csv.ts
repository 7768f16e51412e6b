import { toCsv } from '#domain/reports/csv';
import { questionKey, type ForecastBoard } from './forecast-board';

/**
 * Every version of every forecast of the board's sessions, one row per scenario, oldest first
 * per student and question (issue 26). toCsv guards cells against spreadsheet formulas.
 */
export function forecastsCsv(board: ForecastBoard): string {
  const rows = board.questions.flatMap((question) => {
    const byStudent = board.versions.get(questionKey(question.session.id, question.item.id));
    return (board.participants.get(question.session.id) ?? []).flatMap((participant) =>
      (byStudent?.get(participant.id) ?? []).flatMap((version) =>
        question.item.scenarios.map((scenario) => [
          participant.label,
          question.item.id,
          question.item.question,
          scenario.id,
          scenario.statement,
          version.probabilities[scenario.id] ?? null,
          version.reason,
          version.madeAt,
          version.inClass ? 'in class' : 'update',
        ]),
      ),
    );
  });
  return toCsv(
    [
      'student',
      'item_id',
      'question',
      'scenario_id',
      'scenario',
      'percent',
      'reason',
      'made_at',
      'made',
    ],
    rows,
  );
}
