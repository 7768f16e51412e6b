import { randomUUID } from 'node:crypto';
import { INSTRUCTOR_ROLE, LEARNER_ROLE, type LmsUser } from '../../src/server/test/lti-platform';

/** A teacher of the test LMS's course. */
export const instructorOf = (name: string): LmsUser => ({
  sub: randomUUID(),
  name,
  roles: [INSTRUCTOR_ROLE],
});

/** A student of the test LMS's course. */
export const learnerOf = (name: string): LmsUser => ({
  sub: randomUUID(),
  name,
  roles: [LEARNER_ROLE],
});
