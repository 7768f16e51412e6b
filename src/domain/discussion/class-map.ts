import type { ClassMap } from '../api/statements-contracts';
import type { OpinionMap } from './opinion-map-schema';

/**
 * The opinion map as the class may see it: statements by their text, dots without the
 * students' ids, and only the statements every group agrees on as consensus.
 */
export function toClassMap(
  map: OpinionMap,
  textOf: (statementId: string) => string | undefined,
  options: { readonly withPoints: boolean },
): ClassMap {
  if (map.status === 'too-few-votes') {
    return { status: 'too-few-votes', needed: map.needed, counts: map.counts };
  }
  const withText = <S extends { readonly statementId: string }>(statements: readonly S[]) =>
    statements.flatMap((statement) => {
      const text = textOf(statement.statementId);
      return text === undefined ? [] : [{ ...statement, text }];
    });
  return {
    status: 'ready',
    counts: map.counts,
    points: options.withPoints
      ? map.points.map((point) => ({ x: point.x, y: point.y, group: point.groupLabel }))
      : [],
    groups: map.groups.map((group) => ({
      label: group.label,
      size: group.size,
      statements: withText([...group.agreesMore, ...group.disagreesMore]).map(
        ({ statementId, text, direction, percent }) => ({ statementId, text, direction, percent }),
      ),
    })),
    consensus: withText(map.consensus.filter((c) => c.isConsensus)).map(
      ({ statementId, text }) => ({
        statementId,
        text,
      }),
    ),
    // Below a quarter of the scale apart, the groups do not really split on it.
    divisive: withText(map.divisive.filter((d) => d.divisiveness >= 0.25)).map(
      ({ statementId, text }) => ({ statementId, text }),
    ),
  };
}

/** The label of the group a participant is in; null when they are not on the map. */
export function groupOf(map: OpinionMap, participantId: string): string | null {
  if (map.status !== 'ready') return null;
  return map.groups.find((group) => group.memberIds.includes(participantId))?.label ?? null;
}

/**
 * The map kept once its item has closed: positions, groups and their statements stay, but no
 * student's id, so a saved map of political opinions no longer says who thinks what.
 */
export function withoutParticipants(map: OpinionMap): OpinionMap {
  if (map.status !== 'ready') return map;
  return {
    ...map,
    points: map.points.map(({ x, y, groupLabel }) => ({ x, y, groupLabel })),
    groups: map.groups.map((group) => ({ ...group, memberIds: [] })),
  };
}
