import { expect } from 'vitest';
import type { Item } from '#domain/lesson/lesson-schema';
import { soleimaniLesson as lesson } from '#domain/lesson/builtin/soleimani-lesson';
import type { ClassWallReply, ClassWallResponse } from '#domain/api/dashboard-contracts';
import type { StudentSessionView } from '#domain/api/live-contracts';
import {
  createLiveSession,
  joinAs,
  signUpTeacher,
  type ApiClient,
  submitAnswer,
} from './api-client';
import type { ServerContext } from './use-test-server';

function promptById(id: string): Extract<Item, { kind: 'prompt' }> {
  const item = lesson.sections.flatMap((s) => s.items).find((i) => i.id === id);
  if (item?.kind !== 'prompt') throw new Error(`the lesson has no prompt ${id}`);
  return item;
}

export const thesisPrompt = promptById('thesis-question');
export const evidencePrompt = promptById('shared-interests-evidence');
export const PSEUDONYM = /^[A-Z][a-z]+ [A-Z][a-z]+( \d+)?$/;

export const texts = {
  ada: 'Ada: the strike came when deterrence looked weakest.',
  ben: 'Ben: it was about the election at home.',
  cy: 'Cy: nobody expected it.',
};

/** The wall-reply tests' calls: a class whose wall holds three answers, views, replies. */
export function wallReplyHelpers(ctx: ServerContext) {
  const answer = (student: ApiClient, base: string, itemId: string, text: string) =>
    submitAnswer(student, base, itemId, { kind: 'prompt', text });

  /** Ada, Ben and Cy answered the thesis prompt, which the teacher revealed; Dee did not. */
  async function classWithAWall() {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const view = await createLiveSession(teacher, 'self-paced');
    const base = `/api/sessions/${view.session.id}`;
    const [ada, ben, cy, dee] = await Promise.all(
      ['Ada', 'Ben', 'Cy', 'Dee'].map((name) =>
        joinAs(ctx.server.baseUrl, view.session.joinCode, name),
      ),
    );
    const students = { ada: ada!, ben: ben!, cy: cy!, dee: dee! };
    await answer(students.ada.student, base, thesisPrompt.id, texts.ada);
    await answer(students.ben.student, base, thesisPrompt.id, texts.ben);
    await answer(students.cy.student, base, thesisPrompt.id, texts.cy);
    expect((await teacher.post(`${base}/items/${thesisPrompt.id}/reveal`)).status).toBe(200);
    const idOf = (who: keyof typeof students) => students[who].joined.participant.id;
    return { teacher, view, base, ...students, idOf };
  }

  const viewOf = async (student: ApiClient, base: string) => {
    const view = await student.get<StudentSessionView>(`${base}/me`);
    expect(view.status).toBe(200);
    return view.body;
  };

  const responseWithText = (view: StudentSessionView, text: string): ClassWallResponse => {
    const found = view.wall.find((r) => r.text === text);
    if (!found) throw new Error(`no response "${text}" on the wall`);
    return found;
  };

  const reply = (
    student: ApiClient,
    base: string,
    responseId: string,
    body: Record<string, unknown>,
  ) => student.post<ClassWallReply>(`${base}/wall/${responseId}/replies`, body);

  return { answer, classWithAWall, viewOf, responseWithText, reply };
}
