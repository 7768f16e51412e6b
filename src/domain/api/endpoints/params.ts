import { z } from 'zod';
import { teacherSessionViewSchema } from '../live-contracts';

/** An id in a path: a session, item, section, lesson or student. */
export const id = z.string().max(64);
/** The common path parameters, written once. */
export const sessionParamsSchema = z.object({ id });
export const itemParams = sessionParamsSchema.extend({ itemId: id });
/** The statement on a student's screen, kept as the next to vote on while it can be. */
export const offeredStatementQuery = z.object({
  offered: z.uuid('offered must be a statement id').optional(),
});
export const sectionParams = sessionParamsSchema.extend({ sectionId: id });
export const lessonParams = z.object({ lessonId: id });
export const participantParams = sessionParamsSchema.extend({ participantId: id });
export const studentIdParams = sessionParamsSchema.extend({
  participantId: z.uuid('participantId must be a student id'),
});

export const teacherView = { 200: teacherSessionViewSchema } as const;
