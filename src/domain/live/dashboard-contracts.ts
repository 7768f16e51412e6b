import { z } from 'zod';
import type { Answer } from '../lesson/answers';
import type { ItemResults } from './live-contracts';
import { LIMITS } from './live-constants';

/**
 * Shapes of the teacher dashboard's API (monitor, response wall, themes, forecast outcomes,
 * reports), shared by server and client. Requests are validated with the zod schemas.
 */

/** One open response (an answer to a prompt) on a wall: the class's, the projector's. */
export interface WallResponse {
  /**
   * Opaque, and different for each prompt one student answers, so that with names hidden a
   * student's responses cannot be linked to one another.
   */
  readonly responseId: string;
  /** The student's label ("Sam (2)"); on students' and the projector's walls only when names are shown. */
  readonly label: string | null;
  readonly itemId: string;
  readonly text: string;
  readonly isHidden: boolean;
  readonly isSpotlighted: boolean;
  readonly updatedAt: string;
}

/** A response as the teacher's own views show it: with the student it came from. */
export interface TeacherWallResponse extends WallResponse {
  readonly participantId: string;
}

/** A response on a student's wall: whether it is the student's own, and no author id. */
export interface ClassWallResponse extends WallResponse {
  readonly isMine: boolean;
}

export interface WallResponsesResponse {
  readonly responses: readonly TeacherWallResponse[];
  readonly showNames: boolean;
}

export const moderateResponseRequestSchema = z
  .object({
    isHidden: z.boolean().optional(),
    isSpotlighted: z.boolean().optional(),
  })
  .refine((body) => body.isHidden !== undefined || body.isSpotlighted !== undefined, {
    message: 'give isHidden or isSpotlighted',
  });
export type ModerateResponseRequest = z.infer<typeof moderateResponseRequestSchema>;

export const sessionSettingsRequestSchema = z.object({ showNames: z.boolean() });
export type SessionSettingsRequest = z.infer<typeof sessionSettingsRequestSchema>;

export interface Theme {
  readonly phrase: string;
  /** How many students' responses contain it. */
  readonly responses: number;
}

export interface ThemesResponse {
  readonly sectionId: string;
  readonly responseCount: number;
  readonly themes: readonly Theme[];
}

/** The outcome of one forecast scenario, as the teacher reveals it (edited or as the lesson has it). */
export const scenarioOutcomeSchema = z.object({
  happened: z.boolean(),
  text: z
    .string()
    .trim()
    .min(1, 'outcome text must not be empty')
    .max(LIMITS.summaryLength, `outcome text must be at most ${LIMITS.summaryLength} characters`),
});
export type ScenarioOutcome = z.infer<typeof scenarioOutcomeSchema>;

export const revealOutcomesRequestSchema = z.object({
  itemId: z.string().min(1).max(64),
  /** Scenario id to its outcome; every scenario of the item must be given. */
  outcomes: z.record(z.string().max(64), scenarioOutcomeSchema),
});
export type RevealOutcomesRequest = z.infer<typeof revealOutcomesRequestSchema>;

export interface RevealedOutcomes {
  readonly itemId: string;
  readonly outcomes: Readonly<Record<string, ScenarioOutcome>>;
  readonly revealedAt: string;
}

export interface ScenarioScore {
  readonly scenarioId: string;
  readonly happened: boolean;
  /** The class's mean forecast, percent. */
  readonly classMean: number | null;
  /** The class's mean Brier score on this scenario. */
  readonly classBrier: number | null;
}

export interface CalibrationRow {
  readonly from: number;
  readonly to: number;
  readonly forecasts: number;
  readonly happened: number;
  readonly meanProbability: number | null;
  readonly observedRate: number | null;
}

/** Forecast scores once outcomes are revealed: the class's, and (for a student) their own. */
export interface ForecastScores {
  readonly itemId: string;
  readonly outcomes: Readonly<Record<string, ScenarioOutcome>>;
  readonly scenarios: readonly ScenarioScore[];
  readonly classMeanBrier: number | null;
  /** For a student: their own Brier per scenario and mean; absent in the teacher's copy. */
  readonly mine?: {
    readonly perScenario: Readonly<Record<string, number>>;
    readonly meanBrier: number | null;
  };
  /** For the teacher: each student's mean Brier score, and the class's calibration. */
  readonly students?: readonly {
    readonly participantId: string;
    readonly label: string;
    readonly meanBrier: number | null;
  }[];
  readonly calibration?: readonly CalibrationRow[];
}

export interface ReportItemFigures {
  readonly itemId: string;
  readonly answered: number;
}

export interface SessionReport {
  readonly sessionId: string;
  readonly lessonId: string;
  readonly lessonTitle: string;
  readonly participants: readonly {
    readonly id: string;
    readonly label: string;
    readonly joinedAt: string;
    readonly answers: number;
  }[];
  readonly sections: readonly {
    readonly sectionId: string;
    readonly items: readonly ReportItemFigures[];
    readonly summary: string | null;
  }[];
  readonly responses: readonly TeacherWallResponse[];
  readonly forecastScores: readonly ForecastScores[];
}

export interface TranscriptEntry {
  readonly itemId: string;
  readonly answer: Answer;
  readonly updatedAt: string;
}

export interface StudentTranscript {
  readonly participant: { readonly id: string; readonly label: string; readonly joinedAt: string };
  readonly entries: readonly TranscriptEntry[];
}

/** Per session on the dashboard home. */
export interface SessionListEntry {
  readonly participantCount: number;
  readonly answerCount: number;
}

/** What the classroom screen shows: large type, no controls. */
export interface ProjectorView {
  readonly lessonId: string;
  readonly lessonTitle: string;
  readonly joinCode: string;
  readonly joinUrl: string;
  readonly status: 'open' | 'ended';
  readonly participantCount: number;
  readonly currentSectionId: string;
  /** Results of the items the teacher revealed, in the current section. */
  readonly results: readonly ItemResults[];
  /** Spotlighted responses; labels only when names are shown. */
  readonly spotlight: readonly WallResponse[];
  readonly summary: string | null;
  readonly forecastScores: readonly ForecastScores[];
}
