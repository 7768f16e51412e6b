import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { LtiGradesView } from '#domain/api/lti-contracts';
import type { StudentSessionView } from '#domain/api/live-contracts';
import { addDays } from '#domain/forecasting/days';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { Lesson } from '#domain/lesson/lesson-schema';
import { setResourceLinkSession } from '../repositories/lti-resource-links.repository';
import { createLiveSession, submitAnswer } from './api-client';
import { useForecastServer } from './forecast-fixtures';
import { publishedLesson } from './lesson-library-fixtures';
import { instructor, learner, useLtiPlatform } from './lti-fixtures';
import { describeEachStorage, type ServerContext } from './use-test-server';

const section = soleimaniLesson.sections[0]!;
const prompt = section.items.find((item) => item.kind === 'prompt')!;
const forecast = soleimaniLesson.sections
  .flatMap((s) => s.items)
  .find((item) => item.kind === 'forecast')!;

/** A prompt and a forecast whose outcomes the lesson knows, dated a month ahead of `today`. */
function lessonResolvedLater(today: string): Lesson {
  const date = addDays(today, 30);
  return {
    ...structuredClone(soleimaniLesson),
    id: 'resolved-later',
    metadata: { ...soleimaniLesson.metadata, title: 'Resolved later' },
    sections: [
      {
        ...section,
        items: [
          prompt,
          {
            ...forecast,
            scenarios: [
              {
                id: 'strike',
                statement: forecast.scenarios[0]!.statement,
                resolution: { happened: true, date, text: 'It happened.' },
              },
              {
                id: 'talks',
                statement: forecast.scenarios[1]!.statement,
                resolution: { happened: false, date, text: 'It did not.' },
              },
            ],
          },
        ],
      },
    ],
    glossary: [],
  };
}

describeEachStorage('grades waiting for a forecast’s outcome day on %s', (kind) => {
  const forecasts = useForecastServer(kind);
  const ctx = {
    get server() {
      return forecasts.server;
    },
  } as unknown as ServerContext;
  const lti = useLtiPlatform(ctx);

  it('sends the grade again once the outcome’s day has come, which no change announces', async () => {
    const resourceLinkId = randomUUID();
    const teacher = lti.browser();
    await teacher.launch(lti.platform, { user: instructor(), resourceLinkId });
    const lesson = await publishedLesson(
      teacher.api(),
      lessonResolvedLater(forecasts.clock.today()),
    );
    const { session } = await createLiveSession(
      teacher.api(),
      'self-paced',
      lesson.summary.lessonId,
    );
    const key = {
      platformId: lti.platformId,
      deploymentId: lti.platform.deploymentId,
      resourceLinkId,
    };
    expect(await setResourceLinkSession(forecasts.server.db, key, session.id)).toBe(true);
    const base = `/api/sessions/${session.id}`;
    const ada = learner('Ada');
    const browser = lti.browser();
    await browser.launch(lti.platform, { user: ada, resourceLinkId });
    const student = browser.api();
    expect((await student.get<StudentSessionView>(`${base}/me`)).status).toBe(200);
    await submitAnswer(student, base, prompt.id, { kind: 'prompt', text: 'Deterrence.' });
    await submitAnswer(student, base, forecast.id, {
      kind: 'forecast',
      probabilities: { strike: 80, talks: 30 },
    });
    const scores = () => lti.platform.services.scoresOf(ada.sub);
    await expect.poll(() => scores().length, { timeout: 15_000 }).toBe(1);
    expect(scores()[0]).toMatchObject({ scoreGiven: 100, gradingProgress: 'Pending' });
    expect((await teacher.api().post(`${base}/end`)).status).toBe(200);
    // Before the outcomes' day, ending the session and working grades out again change nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await forecasts.server.app.services.ltiGrades.regradeAwaitingMarks();
    expect(scores()).toHaveLength(1);

    // A month later the lesson's outcomes count: Brier 0.065, skill 93.5, (100 + 93.5) / 2.
    forecasts.clock.passDays(31);
    await forecasts.server.app.services.ltiGrades.regradeAwaitingMarks();
    expect(scores()).toHaveLength(2);
    expect(scores()[1]).toMatchObject({ scoreGiven: 96.8, gradingProgress: 'FullyGraded' });
    const view = await teacher.api().get<LtiGradesView>(`${base}/lti/grades`);
    expect(view.body.students).toEqual([
      expect.objectContaining({ label: 'Ada', grade: 96.8, status: 'sent' }),
    ]);
  });
});
