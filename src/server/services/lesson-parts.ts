import type { Lesson } from '#domain/lesson/lesson-schema';
import { findSection } from '#domain/lesson/lesson-items';
import { ApiError } from '../lib/api-error';

/**
 * A request that names a section of the lesson (to move to it, to summarize it): refused with
 * 404 when the lesson has none by that id; `field` is the request's field that named it.
 */
export function requireSection(lesson: Lesson, sectionId: string, field?: string): void {
  if (!findSection(lesson, sectionId)) {
    throw new ApiError(
      404,
      'section_not_found',
      `This lesson has no section "${sectionId}".`,
      field,
    );
  }
}
