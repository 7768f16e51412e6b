/**
 * Who gets to speak in a spoken discussion: the teacher records each turn as it happens, and
 * the tally shows each student's share, who has not spoken yet, and whether a few students are
 * taking over (Parlay's figure: 15 % of a class often take over half of the turns).
 */

export const SPEAKING_TURN_KINDS = ['new-idea', 'builds-on', 'challenges', 'question'] as const;
export type SpeakingTurnKind = (typeof SPEAKING_TURN_KINDS)[number];

export const SPEAKING_TURN_KIND_LABELS: Readonly<Record<SpeakingTurnKind, string>> = {
  'new-idea': 'New idea',
  'builds-on': 'Builds on',
  challenges: 'Challenges',
  question: 'Question',
};

/** The most turns one session keeps: a class talks for hours before it comes near. */
export const SPEAKING_TURNS_MAX = 2000;

/** The warning waits for enough turns and students for a share to mean something. */
export const DOMINANCE_MIN_TURNS = 6;
export const DOMINANCE_MIN_STUDENTS = 4;
/** A quarter of the class or fewer holding half of the turns is "a few". */
export const DOMINANCE_FEW_SHARE = 0.25;

export interface RecordedTurn {
  readonly participantId: string;
  readonly kind: SpeakingTurnKind | null;
}

export interface SpeakerTally {
  readonly participantId: string;
  readonly turns: number;
  /** Of all the session's turns, 0 to 1. */
  readonly share: number;
  readonly byKind: Readonly<Record<SpeakingTurnKind, number>>;
  /** Turns recorded without a kind. */
  readonly unmarked: number;
}

export interface SpeakingTally {
  readonly totalTurns: number;
  /** Every student of the class, most turns first; ties keep the class's order. */
  readonly speakers: readonly SpeakerTally[];
  /** Students of the class with no turn yet, in the class's order. */
  readonly notYetSpoken: readonly string[];
  /**
   * The fewest students who together hold at least half of the turns, when they are a quarter
   * of the class or fewer; null when the turns are spread, or too few to say.
   */
  readonly dominance: { readonly participantIds: readonly string[]; readonly share: number } | null;
}

const noKinds = (): Record<SpeakingTurnKind, number> => ({
  'new-idea': 0,
  'builds-on': 0,
  challenges: 0,
  question: 0,
});

/**
 * The tally over the class (`participantIds`, in the roster's order). Turns of students no
 * longer in the class (removed) are left out of every figure, as they are from the results.
 */
export function tallySpeakingTurns(
  participantIds: readonly string[],
  turns: readonly RecordedTurn[],
): SpeakingTally {
  const inClass = new Set(participantIds);
  const counted = turns.filter((turn) => inClass.has(turn.participantId));
  const totalTurns = counted.length;
  const speakers = participantIds
    .map((participantId) => {
      const own = counted.filter((turn) => turn.participantId === participantId);
      const byKind = noKinds();
      for (const turn of own) if (turn.kind) byKind[turn.kind] += 1;
      return {
        participantId,
        turns: own.length,
        share: totalTurns === 0 ? 0 : own.length / totalTurns,
        byKind,
        unmarked: own.filter((turn) => turn.kind === null).length,
      };
    })
    // Array.prototype.sort is stable, so equal counts keep the roster's order.
    .sort((a, b) => b.turns - a.turns);
  return {
    totalTurns,
    speakers,
    notYetSpoken: participantIds.filter((id) => !counted.some((turn) => turn.participantId === id)),
    dominance: findDominance(participantIds.length, speakers, totalTurns),
  };
}

function findDominance(
  classSize: number,
  speakers: readonly SpeakerTally[],
  totalTurns: number,
): SpeakingTally['dominance'] {
  if (totalTurns < DOMINANCE_MIN_TURNS || classSize < DOMINANCE_MIN_STUDENTS) return null;
  const few: string[] = [];
  let held = 0;
  for (const speaker of speakers) {
    if (held * 2 >= totalTurns) break;
    few.push(speaker.participantId);
    held += speaker.turns;
  }
  if (few.length > classSize * DOMINANCE_FEW_SHARE) return null;
  return { participantIds: few, share: held / totalTurns };
}

/** "43 %": a share as the monitor and the report print it. */
export const formatShare = (share: number): string => `${Math.round(share * 100)} %`;
