/**
 * Forecasts benchmark (issue 26): the real app in this process on a fresh PGlite, a class of
 * 1,000 students × 20 questions × 10 versions each (inserted in bulk, spread over ten days),
 * then, over real HTTP, one resolution of a question (which scores the whole class), the
 * teacher's forecasts page and one student's page. Prints how long each took.
 *
 *   npm run bench:forecasts -- [--students 1000] [--questions 20] [--versions 10] [--repeat 3]
 *
 * Only ever listens on 127.0.0.1; the database is a temporary folder, removed at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { JoinResponse, TeacherSessionView } from '#domain/api/live-contracts';
import { addDays, utcDayOf } from '#domain/forecasting/days';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { ForecastItem, Lesson } from '#domain/lesson/lesson-schema';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { migrate } from '../db/migrate';
import { openPgliteDatabase } from '../db/pglite-database';
import type { Clock } from '../lib/clock';
import { readBuiltInLessons } from '../lessons/built-in-lessons';
import { insertVersions, type NewForecastVersion } from '../repositories/forecasts.repository';
import { openLessonLibrary } from '../services/lesson-library';
import { BenchClient } from './http-client';
import { formatTable, ms } from './stats';
import { runBench } from './run-bench';

const DAY_MS = 24 * 60 * 60 * 1000;
const INSERT_CHUNK = 5000;

function readOptions() {
  const { values } = parseArgs({
    options: {
      students: { type: 'string', default: '1000' },
      questions: { type: 'string', default: '20' },
      versions: { type: 'string', default: '10' },
      repeat: { type: 'string', default: '3' },
    },
    strict: true,
  });
  const whole = (name: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  return {
    students: whole('students', values.students, 2),
    questions: whole('questions', values.questions, 1),
    versions: whole('versions', values.versions, 1),
    repeat: whole('repeat', values.repeat, 1),
  };
}

/** A lesson of `count` forecasts a month ahead of `today`, two scenarios each. */
function forecastsLesson(today: string, count: number): Lesson {
  const lesson = structuredClone(soleimaniLesson);
  const section = lesson.sections.find((s) => s.items.some((i) => i.kind === 'forecast'))!;
  const model = section.items.find((i) => i.kind === 'forecast')!;
  const items = Array.from({ length: count }, (_, index): ForecastItem => ({
    ...model,
    id: `q${index + 1}`,
    question: `${model.question} (${index + 1})`,
    asOf: today,
    horizon: addDays(today, 30),
    scenarios: model.scenarios.slice(0, 2).map(({ resolution: _r, ...scenario }) => scenario),
  }));
  return {
    ...lesson,
    id: 'forecasts-bench',
    metadata: { ...lesson.metadata, title: 'Forecasts bench' },
    sections: [{ ...section, items }],
    glossary: [],
  };
}

/** A clock the bench moves on, so versions fall on their days and the resolution after them. */
class BenchClock implements Clock {
  offsetDays = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetDays * DAY_MS);
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function main(): Promise<number> {
  const options = readOptions();
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'forecasts-bench-'));
  const clock = new BenchClock();
  const db = await openPgliteDatabase({ dataDir: path.join(tempDir, 'db') });
  const agent = new http.Agent({ keepAlive: true });
  try {
    await migrate(db);
    const config = await loadConfig({
      DATA_DIR: tempDir,
      COOKIE_SECRET: 'forecasts-bench-cookie-secret-0123456789',
      LOG_LEVEL: 'warn',
      JOIN_RATE_LIMIT: '100000',
      ANSWER_RATE_LIMIT: '100000',
    });
    const lessons = await openLessonLibrary(db, await readBuiltInLessons());
    const app = await buildApp({ config, db, lessons, serveClient: false, clock });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('the server has no port');
      const client = () => new BenchClient(address.port, agent, agent, 600_000);

      // The class: a teacher's session, one student who joins over HTTP, the rest in bulk.
      const teacher = client();
      await teacher.signUpTeacher();
      const today = utcDayOf(clock.now());
      const lessonDraft = forecastsLesson(today, options.questions);
      const created = await teacher.expect(201, 'POST', '/api/lessons', { draft: lessonDraft });
      const lessonId = (created.body as { summary: { lessonId: string } }).summary.lessonId;
      await teacher.expect(200, 'POST', `/api/lessons/${lessonId}/publish`);
      const session = (
        await teacher.expect(201, 'POST', '/api/sessions', { lessonId, mode: 'self-paced' })
      ).body as TeacherSessionView;
      const base = `/api/sessions/${session.session.id}`;
      const student = client();
      await student.expect(200, 'GET', '/api/csrf');
      const joined = (
        await student.expect(201, 'POST', '/api/join', {
          code: session.session.joinCode,
          displayName: 'Student 1',
        })
      ).body as JoinResponse;

      const seeded = await timed(async () => {
        await db.query(
          `INSERT INTO participants (id, session_id, display_name, name_key, name_number,
             token_hash, current_section_id, rejoin_code)
           SELECT gen_random_uuid(), $1, 'Student ' || n, 'student ' || n, 1,
             md5(random()::text), $2, 'R' || lpad(n::text, 5, '0')
           FROM generate_series(2, $3::int) AS n`,
          [session.session.id, session.session.currentSectionId, options.students],
        );
        const { rows } = await db.query<{ id: string }>(
          'SELECT id FROM participants WHERE session_id = $1',
          [session.session.id],
        );
        const start = Date.parse(`${today}T09:00:00Z`);
        let pending: NewForecastVersion[] = [];
        let count = 0;
        for (const { id } of rows) {
          for (const item of lessonDraft.sections[0]!.items) {
            if (item.kind !== 'forecast') continue;
            for (let v = 0; v < options.versions; v++) {
              pending.push({
                sessionId: session.session.id,
                participantId: id,
                itemId: item.id,
                probabilities: Object.fromEntries(
                  item.scenarios.map((s) => [s.id, Math.round(Math.random() * 100)]),
                ),
                reason: v === 0 ? null : `Update ${v}`,
                madeAt: new Date(start + v * DAY_MS + Math.random() * 3_600_000),
              });
              if (pending.length >= INSERT_CHUNK) {
                count += (await insertVersions(db, pending)).length;
                pending = [];
              }
            }
          }
        }
        count += (await insertVersions(db, pending)).length;
        return count;
      });

      // Two days after the last versions, the teacher resolves the first question.
      clock.offsetDays = options.versions + 1;
      const resolvedOn = addDays(today, options.versions);
      const firstItem = lessonDraft.sections[0]!.items[0] as ForecastItem;
      const results: [string, number[], number][] = [];
      const measure = async (what: string, run: () => Promise<{ text: string }>) => {
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < options.repeat; i++) {
          const { value, ms: took } = await timed(run);
          times.push(took);
          bytes = Buffer.byteLength(value.text);
        }
        results.push([what, times, bytes]);
      };
      await measure('resolve one question (PUT resolution)', () =>
        teacher.expect(200, 'PUT', `${base}/forecasts/${firstItem.id}/resolution`, {
          scenarios: Object.fromEntries(
            firstItem.scenarios.map((s, i) => [
              s.id,
              { outcome: i === 0 ? 'yes' : 'no', resolvedOn, sourceUrl: 'https://news.example/' },
            ]),
          ),
        }),
      );
      await measure("teacher's forecasts page (GET forecasts)", () =>
        teacher.expect(200, 'GET', `${base}/forecasts`),
      );
      await measure("one student's page (GET my-forecasts)", () =>
        student.expect(200, 'GET', `${base}/my-forecasts`),
      );

      console.log(
        `\nForecasts bench (PGlite, in process): ${options.students} students × ` +
          `${options.questions} questions × ${options.versions} versions = ` +
          `${seeded.value.toLocaleString('en')} versions, inserted in ${ms(seeded.ms)} ms ` +
          `(student ${joined.participant.label} among them).\n`,
      );
      console.log(
        formatTable(
          ['request', ...results[0]![1].map((_, i) => `run ${i + 1} ms`), 'answer KB'],
          results.map(([what, times, bytes]) => [
            what,
            ...times.map(ms),
            (bytes / 1024).toFixed(0),
          ]),
        ),
      );
      return 0;
    } finally {
      await app.close();
    }
  } finally {
    agent.destroy();
    await db.close();
    await rm(tempDir, { recursive: true, force: true });
  }
}

runBench(main);
