import { expect, it } from 'vitest';
import { readingLevel } from '#domain/lesson/reading-level';
import { soleimaniLesson } from '#domain/lesson/builtin/soleimani-lesson';
import type {
  LessonDetail,
  LessonLibrary,
  SaveDraftResponse,
} from '#domain/api/lesson-library-contracts';
import { READ_HERE_MAX_CHARS } from '../lessons/article-reading-level';
import { signUpTeacher } from './api-client';
import { describeWithServer } from './use-test-server';
import { created, smallLesson } from './lesson-library-fixtures';

const ARTICLE = [
  'The river rose two metres overnight.',
  'Farmers moved their cattle to higher ground before dawn, and the council opened the school hall.',
];
const REVISED = [
  'Meteorologists anticipate considerably intensified precipitation throughout the forthcoming fortnight.',
];

/** A draft that is no valid lesson yet: the paragraphs' text is read wherever it is. */
function halfWrittenDraft(paragraphs: readonly string[]) {
  return {
    metadata: { title: 'The flood' },
    sections: [
      { paragraphs: paragraphs.slice(0, 1).map((text) => ({ text })) },
      'not a section',
      { title: 'No paragraphs yet' },
      {
        paragraphs: [
          { text: 42 },
          'not a paragraph',
          ...paragraphs.slice(1).map((text) => ({ text })),
        ],
      },
    ],
  };
}

describeWithServer('the reading level of a lesson’s article on %s', (ctx) => {
  it('comes with the detail and with each save, computed from the draft as saved', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const detail = created(
      await teacher.post('/api/lessons', { draft: halfWrittenDraft(ARTICLE) }),
    );
    expect(detail.readingLevel).toEqual(readingLevel(ARTICLE.join('\n')));
    expect(detail.readingLevel).toMatchObject({ words: 22, sentences: 2 });
    const { lessonId } = detail.summary;

    const saved = await teacher.put<SaveDraftResponse>(`/api/lessons/${lessonId}/draft`, {
      draft: halfWrittenDraft(REVISED),
      basedOn: detail.draftSavedAt,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.readingLevel).toEqual(readingLevel(REVISED.join('\n')));
    expect(saved.body.readingLevel?.grade).toBeGreaterThan(detail.readingLevel?.grade ?? 0);
    const reopened = await teacher.get<LessonDetail>(`/api/lessons/${lessonId}`);
    expect(reopened.body.readingLevel).toEqual(saved.body.readingLevel);

    // The library's list reads no article: its summaries carry no reading level.
    const library = await teacher.get<LessonLibrary>('/api/lessons');
    const summary = library.body.lessons.find((lesson) => lesson.lessonId === lessonId);
    expect(summary).toBeDefined();
    expect(summary).not.toHaveProperty('readingLevel');
  });

  it('is read the same from a long article, which the server reads off its event loop', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const long = Array.from({ length: 400 }, (_, i) => `${REVISED[0]} ${ARTICLE[i % 2]}`);
    expect(long.join('\n').length).toBeGreaterThan(READ_HERE_MAX_CHARS);
    const detail = created(await teacher.post('/api/lessons', { draft: halfWrittenDraft(long) }));
    expect(detail.readingLevel).toEqual(readingLevel(long.join('\n')));
    const saved = await teacher.put<SaveDraftResponse>(
      `/api/lessons/${detail.summary.lessonId}/draft`,
      { draft: halfWrittenDraft(long.slice(1)) },
    );
    expect(saved.body.readingLevel).toEqual(readingLevel(long.slice(1).join('\n')));
  });

  it('is null while the draft has no text', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const detail = created(
      await teacher.post('/api/lessons', { draft: { metadata: { title: 'Empty' }, sections: [] } }),
    );
    expect(detail.readingLevel).toBeNull();
    const saved = await teacher.put<SaveDraftResponse>(
      `/api/lessons/${detail.summary.lessonId}/draft`,
      { draft: halfWrittenDraft(['', '— …']) },
    );
    expect(saved.body).toMatchObject({ readingLevel: null });
  });

  it('is the newest version’s without a draft', async () => {
    const teacher = await signUpTeacher(ctx.server.baseUrl);
    const builtIn = await teacher.get<LessonDetail>(`/api/lessons/${soleimaniLesson.id}`);
    expect(builtIn.body.draft).toBeNull();
    const text = soleimaniLesson.sections
      .flatMap((section) => section.paragraphs.map((paragraph) => paragraph.text))
      .join('\n');
    expect(builtIn.body.readingLevel).toEqual(readingLevel(text));

    // Publishing clears the draft: the level is then read from the version published.
    const lesson = smallLesson();
    const made = created(await teacher.post('/api/lessons', { draft: lesson }));
    const published = await teacher.post<LessonDetail>(
      `/api/lessons/${made.summary.lessonId}/publish`,
    );
    expect(published.body).toMatchObject({ draft: null, published: { version: 1 } });
    const firstSection = lesson.sections[0]!.paragraphs.map((paragraph) => paragraph.text);
    expect(published.body.readingLevel).toEqual(readingLevel(firstSection.join('\n')));
  });
});
