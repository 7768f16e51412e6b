import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import { addDays, utcDayOf } from '#domain/forecasting/days';
import type { Clock } from '../lib/clock';
import { createLiveSession, joinAs, signUpTeacher } from './api-client';
import { closeOpenStreams } from './event-stream-reader';
import { publishedLesson } from './lesson-library-fixtures';
import {
  createTestDatabase,
  startTestServer,
  type StorageKind,
  type TestDatabase,
  type TestServer,
} from './test-server';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A clock the test moves on by whole days: students coming back days later. */
export class TestClock implements Clock {
  private offsetDays = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetDays * DAY_MS);
  }

  /** Today's UTC day, as the server sees it. */
  today(): string {
    return utcDayOf(this.now());
  }

  passDays(days: number): void {
    this.offsetDays += days;
  }
}

/** A server with a TestClock, on a fresh database, for a describe block. */
export function useForecastServer(kind: StorageKind) {
  const clock = new TestClock();
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database, {}, { clock });
  });
  afterEach(() => {
    closeOpenStreams();
  });
  afterAll(async () => {
    await server?.close();
    await database?.destroy();
  });
  return {
    clock,
    get server(): TestServer {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
  };
}

/** A teacher's self-paced session of the future forecast, joined by Ana and Ben. */
export async function classOfForecasters(context: {
  readonly clock: TestClock;
  readonly server: TestServer;
}) {
  const { baseUrl } = context.server;
  const teacher = await signUpTeacher(baseUrl);
  const lesson = await publishedLesson(teacher, futureForecastLesson(context.clock.today()));
  const view = await createLiveSession(teacher, 'self-paced', lesson.summary.lessonId);
  const code = view.session.joinCode;
  const ana = await joinAs(baseUrl, code, 'Ana');
  const ben = await joinAs(baseUrl, code, 'Ben');
  const base = `/api/sessions/${view.session.id}`;
  return { teacher, view, code, base, ana, ben, opensOn: context.clock.today() };
}

export const FUTURE_ITEM = 'forecast-next-month';

/**
 * A one-section lesson whose forecast looks a month ahead of `today`, with two scenarios
 * (`strike`, `talks`) and no resolution: a question that stays open after the lesson.
 */
export function futureForecastLesson(today: string): Lesson {
  const lesson = structuredClone(soleimaniLesson);
  const section = lesson.sections.find((s) => s.items.some((i) => i.kind === 'forecast'))!;
  const forecast = section.items.find((i) => i.kind === 'forecast')!;
  const [first, second] = forecast.scenarios;
  return {
    ...lesson,
    id: 'next-month',
    metadata: { ...lesson.metadata, title: 'Next month' },
    sections: [
      {
        ...section,
        items: [
          {
            ...forecast,
            id: FUTURE_ITEM,
            asOf: today,
            horizon: addDays(today, 30),
            scenarios: [
              { id: 'strike', statement: first!.statement },
              { id: 'talks', statement: second!.statement },
            ],
          },
        ],
      },
    ],
    glossary: [],
  };
}
