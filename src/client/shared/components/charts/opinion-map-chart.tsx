import { useId } from 'react';
import type { ClassMap, ReadyClassMap } from '#domain/api/statements-contracts';
import { TableScrollBox } from '../table-scroll-box';
import { ChartStyles } from './chart-styles';

const SIZE = 320;
const MARGIN = 20;
const toSvg = (value: number) => MARGIN + ((value + 1) / 2) * (SIZE - 2 * MARGIN);

/** Group i's shape: a circle, a square, a diamond, a triangle, a cross. */
function Dot({ shape, x, y }: { readonly shape: number; readonly x: number; readonly y: number }) {
  const r = 5;
  switch (shape % 5) {
    case 0:
      return <circle className="map-dot" cx={x} cy={y} r={r} />;
    case 1:
      return <rect className="map-dot" x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case 2:
      return (
        <path
          className="map-dot"
          d={`M${x} ${y - r - 1}l${r + 1} ${r + 1}l${-r - 1} ${r + 1}l${-r - 1} ${-r - 1}z`}
        />
      );
    case 3:
      return <path className="map-dot" d={`M${x} ${y - r - 1}l${r + 1} ${2 * r}h${-2 * r - 2}z`} />;
    default:
      return (
        <path
          className="map-dot"
          d={`M${x - r} ${y - 2}h${2 * r}v4h${-2 * r}zM${x - 2} ${y - r}h4v${2 * r}h-4z`}
        />
      );
  }
}

function MapDrawing({ map }: { readonly map: ReadyClassMap }) {
  const groupIndex = new Map(map.groups.map((group, i) => [group.label, i]));
  const centroids = map.groups.map((group) => {
    const own = map.points.filter((p) => p.group === group.label);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);
    return { label: group.label, x: mean(own.map((p) => p.x)), y: mean(own.map((p) => p.y)) };
  });
  return (
    <svg
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={`Opinion map: ${map.points.length} students in ${map.groups.length} groups; the table below lists them`}
    >
      <rect className="chart-grid" x={1} y={1} width={SIZE - 2} height={SIZE - 2} fill="none" />
      {map.points.map((point, i) => {
        const index = groupIndex.get(point.group) ?? 0;
        return (
          <g key={i} className={`map-group-${index % 5}`}>
            <Dot shape={index} x={toSvg(point.x)} y={toSvg(point.y)} />
          </g>
        );
      })}
      {centroids.map((c, i) => (
        <text
          key={c.label}
          className={`map-label map-group-${i % 5}`}
          x={toSvg(c.x)}
          y={toSvg(c.y) - 10}
          textAnchor="middle"
        >
          {c.label}
        </text>
      ))}
    </svg>
  );
}

/**
 * The class's opinion map: students as anonymous dots coloured and shaped by group, each group
 * with what it thinks more than the rest, then what every group agrees on and what divides
 * them; the table says in words what the drawing shows. `members` (the teacher's screen only)
 * names each group's students.
 */
export function OpinionMapView({
  map,
  members,
  headingLevel = 3,
}: {
  readonly map: ClassMap;
  readonly members?: readonly { readonly label: string; readonly students: readonly string[] }[];
  readonly headingLevel?: 3 | 4;
}) {
  const captionId = useId();
  const Heading = `h${headingLevel}` as const;
  if (map.status === 'too-few-votes') {
    const { needed } = map;
    const parts = [
      needed.participants > 0
        ? `${needed.participants} more ${needed.participants === 1 ? 'student needs' : 'students need'} to vote on at least ${needed.votesEach} statements each`
        : null,
      needed.statements > 0
        ? `${needed.statements} more ${needed.statements === 1 ? 'statement is' : 'statements are'} needed`
        : null,
    ].filter((part) => part !== null);
    return (
      <p className="opinion-map-waiting">
        No map yet: {parts.join(', and ') || 'waiting for votes'}. So far {map.counts.participants}{' '}
        {map.counts.participants === 1 ? 'student has' : 'students have'} voted enough, with{' '}
        {map.counts.votes} {map.counts.votes === 1 ? 'vote' : 'votes'} in all.
      </p>
    );
  }
  return (
    <div className="opinion-map-view">
      <ChartStyles />
      {map.points.length > 0 ? (
        <figure className="chart opinion-map" aria-describedby={captionId}>
          <MapDrawing map={map} />
          <figcaption id={captionId} className="chart-summary">
            {map.counts.participants} students, {map.groups.length} groups, from {map.counts.votes}{' '}
            votes on {map.counts.statements} statements. Students close together voted alike.
          </figcaption>
        </figure>
      ) : null}
      <TableScrollBox
        caption="Groups of the opinion map"
        columns={['Group', 'Students', 'More than the rest of the class']}
      >
        <tbody>
          {map.groups.map((group, i) => {
            const names = members?.find((m) => m.label === group.label)?.students;
            return (
              <tr key={group.label} className={`map-group-${i % 5}`}>
                <th scope="row">
                  <span className="map-swatch" aria-hidden="true" />
                  Group {group.label}
                </th>
                <td>
                  {group.size}
                  {names ? `: ${names.join(', ')}` : ''}
                </td>
                <td>
                  {group.statements.length === 0 ? (
                    'Nothing stands out yet.'
                  ) : (
                    <ul className="plain-list">
                      {group.statements.map((s) => (
                        <li key={s.statementId}>
                          {s.direction === 'agree' ? 'Agree' : 'Disagree'} ({s.percent} %): “
                          {s.text}”
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableScrollBox>
      <Heading>Every group agrees</Heading>
      {map.consensus.length === 0 ? (
        <p>No statement yet that every group agrees with.</p>
      ) : (
        <ul aria-label="Statements every group agrees with">
          {map.consensus.map((s) => (
            <li key={s.statementId}>“{s.text}”</li>
          ))}
        </ul>
      )}
      <Heading>What divides the groups</Heading>
      {map.divisive.length === 0 ? (
        <p>No statement splits the groups yet.</p>
      ) : (
        <ul aria-label="Statements that divide the groups">
          {map.divisive.map((s) => (
            <li key={s.statementId}>“{s.text}”</li>
          ))}
        </ul>
      )}
    </div>
  );
}
