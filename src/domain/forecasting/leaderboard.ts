import type { TimeWeightedScore } from './forecast-types';
import { meanTimeWeightedScore } from './score-question';

/** Whether a session shows a leaderboard, and under which names. */
export const LEADERBOARD_MODES = ['off', 'pseudonyms', 'names'] as const;
export type LeaderboardMode = (typeof LEADERBOARD_MODES)[number];

/**
 * The name a student goes by on the leaderboard: their pseudonym, or their display name only
 * when the teacher chose `names`; null when the session shows no leaderboard.
 */
export function leaderboardLabel(
  mode: LeaderboardMode,
  student: { readonly displayName: string; readonly pseudonym: string },
): string | null {
  if (mode === 'off') return null;
  return mode === 'names' ? student.displayName : student.pseudonym;
}

/** Someone who may appear on the leaderboard. */
export interface LeaderboardCandidate {
  readonly id: string;
  /** What the board shows: their pseudonym or name, as the session's mode says. */
  readonly label: string;
  readonly optedIn: boolean;
  /** Their score of each resolved question they have one for. */
  readonly questionScores: readonly TimeWeightedScore[];
}

export interface LeaderboardEntry {
  readonly id: string;
  readonly label: string;
  /** 1 for the best; equal means share a rank and the next rank skips (1, 2, 2, 4). */
  readonly rank: number;
  /** Mean time-weighted Brier over their resolved questions: what ranks them. */
  readonly meanBrier: number;
  readonly meanLogScore: number;
  /** How many resolved questions the mean covers. */
  readonly questions: number;
}

/**
 * The leaderboard: the candidates who opted in and have at least one scored question, ranked by
 * mean time-weighted Brier over their questions (lower first), ties sharing a rank and listed by
 * label.
 */
export function rankLeaderboard(candidates: readonly LeaderboardCandidate[]): LeaderboardEntry[] {
  const scored = candidates.flatMap((candidate) => {
    const overall = meanTimeWeightedScore(candidate.questionScores);
    if (!candidate.optedIn || overall === null) return [];
    const { id, label, questionScores } = candidate;
    return [
      {
        id,
        label,
        meanBrier: overall.brier,
        meanLogScore: overall.logScore,
        questions: questionScores.length,
      },
    ];
  });
  scored.sort((a, b) => a.meanBrier - b.meanBrier || a.label.localeCompare(b.label));
  let rank = 0;
  return scored.map((entry, index) => {
    if (index === 0 || entry.meanBrier !== scored[index - 1]!.meanBrier) rank = index + 1;
    return { ...entry, rank };
  });
}

/**
 * A pseudonym for each participant id, "Adjective Animal" (e.g. "Brave Otter"), made from the id
 * alone so it stays the same as the class changes; two ids that draw the same one in this class
 * are told apart by a number (the second in id order becomes "Brave Otter 2").
 */
export function forecastPseudonyms(participantIds: readonly string[]): Map<string, string> {
  const taken = new Map<string, number>();
  const pseudonyms = new Map<string, string>();
  for (const id of [...new Set(participantIds)].sort()) {
    const hash = fnv1a(id);
    const adjective = ADJECTIVES[hash % ADJECTIVES.length]!;
    const animal = ANIMALS[Math.floor(hash / ADJECTIVES.length) % ANIMALS.length]!;
    const base = `${adjective} ${animal}`;
    const count = (taken.get(base) ?? 0) + 1;
    taken.set(base, count);
    pseudonyms.set(id, count === 1 ? base : `${base} ${count}`);
  }
  return pseudonyms;
}

/** 32-bit FNV-1a: a small, stable hash, so the same id draws the same pseudonym everywhere. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const ADJECTIVES = [
  'Brave',
  'Calm',
  'Clever',
  'Curious',
  'Eager',
  'Gentle',
  'Happy',
  'Honest',
  'Keen',
  'Kind',
  'Lively',
  'Lucky',
  'Merry',
  'Mighty',
  'Nimble',
  'Patient',
  'Polite',
  'Proud',
  'Quick',
  'Quiet',
  'Ready',
  'Bold',
  'Sharp',
  'Shy',
  'Steady',
  'Swift',
  'Thoughtful',
  'Tidy',
  'Wise',
  'Witty',
  'Bright',
  'Cheerful',
] as const;

const ANIMALS = [
  'Otter',
  'Badger',
  'Falcon',
  'Heron',
  'Lynx',
  'Marten',
  'Owl',
  'Panda',
  'Puffin',
  'Raven',
  'Seal',
  'Stoat',
  'Swan',
  'Tiger',
  'Walrus',
  'Wolf',
  'Beaver',
  'Bison',
  'Crane',
  'Dolphin',
  'Eagle',
  'Fox',
  'Gecko',
  'Hare',
  'Ibis',
  'Koala',
  'Lemur',
  'Moose',
  'Newt',
  'Orca',
  'Quokka',
  'Robin',
] as const;
