import { expect } from 'vitest';
import type { Answer } from '#domain/lesson/answers';
import type { Item, Section } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { SessionListEntry, TeacherWallResponse } from '#domain/api/dashboard-contracts';
import type { SessionSummary } from '#domain/api/live-contracts';
import type { LiveEvent } from '#domain/api/live-events';
import { ApiClient, createLiveSession, joinAs, signUpTeacher, submitAnswer } from './api-client';
import type { ServerContext } from './use-test-server';

function sectionById(id: string): Section {
  const section = lesson.sections.find((s) => s.id === id);
  if (!section) throw new Error(`the lesson has no section ${id}`);
  return section;
}
function itemById<K extends Item['kind']>(id: string, kind: K): Extract<Item, { kind: K }> {
  const item = lesson.sections.flatMap((s) => s.items).find((i) => i.id === id);
  if (item?.kind !== kind) throw new Error(`the lesson has no ${kind} ${id}`);
  return item as Extract<Item, { kind: K }>;
}

// The lesson's first section ("thesis") holds a poll and a prompt; the teacher-paced class starts there.
export const thesis = sectionById('thesis');
export const thesisPrompt = itemById('thesis-question', 'prompt');
export const thesisPoll = itemById('thesis-prior-knowledge', 'poll');
export const sharedInterests = sectionById('shared-interests');
export const evidencePrompt = itemById('shared-interests-evidence', 'prompt');
export const restraint = sectionById('restraint-2019');
export const timelinePrompt = itemById('restraint-timeline', 'prompt');
export const gulfPrompt = itemById('restraint-gulf-view', 'prompt');
export const misperceptionPrompt = itemById('misperception-chain', 'prompt');
export const evaluatePrompt = itemById('lesson-evaluate', 'prompt');
export const forecast = itemById('forecast-2020', 'forecast');
export const [STRIKES, WAR, LEAVES, TALKS, DEMOCRAT] = [
  'iran-strikes-us-forces',
  'sustained-war',
  'us-leaves-iraq',
  'new-nuclear-talks',
  'democrat-wins',
] as const;

export type ListedSession = SessionSummary & SessionListEntry;
/** A joined student: their client (with the participant cookie), id and label. */
interface Student {
  readonly client: ApiClient;
  readonly id: string;
  readonly label: string;
}

export const prompt = (text: string): Answer => ({ kind: 'prompt', text });
export const eventOf = (data: unknown) => data as LiveEvent;

/** Matches a number to `digits` decimals: the scores are sums of squares, not exact in binary. */
export const near = (value: number, digits: number): number =>
  expect.closeTo(value, digits) as number;

/** Brier score of a forecast in percent, written out here rather than taken from the app. */
export const brier = (percent: number, happened: boolean) =>
  (percent / 100 - (happened ? 1 : 0)) ** 2;

/** A response as the teacher's wall lists it (`updatedAt` is not compared). */
export function wall(
  student: { id: string; label: string },
  itemId: string,
  text: string,
): TeacherWallResponse {
  return {
    responseId: '',
    participantId: student.id,
    label: student.label,
    itemId,
    text,
    isHidden: false,
    isSpotlighted: false,
    updatedAt: '',
    pseudonym: null,
    replies: [],
  };
}

/** The dashboard tests' calls: answering, a class of named students, a stream past `ready`. */
export function dashboardHelpers(ctx: ServerContext) {
  const answer = submitAnswer;

  /** A teacher's session with students joined under the given names. */
  async function classOf<const Names extends readonly string[]>(
    mode: 'teacher-paced' | 'self-paced',
    names: Names,
  ) {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const view = await createLiveSession(teacher, mode);
    const id = view.session.id;
    const base = `/api/sessions/${id}`;
    const students: Student[] = [];
    for (const name of names) {
      const { student, joined } = await joinAs(ctx.server.baseUrl, view.session.joinCode, name);
      students.push({
        client: student,
        id: joined.participant.id,
        label: joined.participant.label,
      });
    }
    // One student per name, in order.
    const joined = students as unknown as { readonly [K in keyof Names]: Student };
    return { teacher, id, base, code: view.session.joinCode, students: joined };
  }

  async function openReady(client: ApiClient, base: string) {
    const stream = await client.openStream(`${base}/events`);
    expect((await stream.next()).event).toBe('ready');
    return stream;
  }

  return { answer, classOf, openReady };
}
