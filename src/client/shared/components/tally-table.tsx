import {
  SPEAKING_TURN_KIND_LABELS,
  SPEAKING_TURN_KINDS,
  formatShare,
  type SpeakingTally,
} from '#domain/live/speaking-turns';
import { TableScrollBox } from './table-scroll-box';

/** "Ana", "Ana and Ben", "Ana, Ben and Chloé". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** Each student's turns, share and turns by kind: on the monitor and in the report. */
export function TallyTable({
  tally,
  labelOf,
}: {
  readonly tally: SpeakingTally;
  readonly labelOf: (participantId: string) => string;
}) {
  return (
    <TableScrollBox
      caption="Share of speaking turns"
      columns={[
        'Student',
        'Turns',
        'Share',
        ...SPEAKING_TURN_KINDS.map((kind) => SPEAKING_TURN_KIND_LABELS[kind]),
      ]}
    >
      <tbody>
        {tally.speakers.map((speaker) => (
          <tr key={speaker.participantId}>
            <th scope="row">{labelOf(speaker.participantId)}</th>
            <td className="number">{speaker.turns}</td>
            <td className="number">
              <span className="bar" aria-hidden="true">
                <span
                  className="bar-fill"
                  style={{ width: `${Math.round(speaker.share * 100)}%` }}
                />
              </span>{' '}
              {formatShare(speaker.share)}
            </td>
            {SPEAKING_TURN_KINDS.map((kind) => (
              <td className="number" key={kind}>
                {speaker.byKind[kind]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </TableScrollBox>
  );
}
