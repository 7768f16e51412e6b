import { describe, expect, it } from 'vitest';
import { nextPageOf, readMembersPage, UNNAMED_LEARNER } from './class-list';

const LEARNER = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';
const INSTRUCTOR = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';

describe('readMembersPage', () => {
  it('keeps the active learners, named as the LMS names them', () => {
    expect(
      readMembersPage({
        id: 'x',
        members: [
          { user_id: 'a', name: 'Ada Lovelace', roles: [LEARNER] },
          { user_id: 'b', given_name: 'Ben', family_name: 'Okri', roles: ['Learner'] },
          { user_id: 'c', roles: [LEARNER], status: 'Active' },
          { user_id: 't', name: 'Ms Rivera', roles: [INSTRUCTOR] },
          { user_id: 'd', name: 'Dropped', roles: [LEARNER], status: 'Inactive' },
        ],
      }),
    ).toEqual([
      { sub: 'a', name: 'Ada Lovelace' },
      { sub: 'b', name: 'Ben Okri' },
      { sub: 'c', name: UNNAMED_LEARNER },
    ]);
  });

  it('says why a page is not a membership container', () => {
    expect(readMembersPage({ members: [{ name: 'x', roles: [] }] })).toMatch(
      /not a membership container \(members\.0\.user_id: /,
    );
    expect(readMembersPage('<html>')).toMatch(/not a membership container \(the body: /);
  });
});

describe('nextPageOf', () => {
  it('finds the next page among the links, or none', () => {
    expect(
      nextPageOf(
        '<https://lms.example/m?p=1>; rel="prev", <https://lms.example/m?p=3>; rel="next"',
      ),
    ).toBe('https://lms.example/m?p=3');
    expect(nextPageOf('<https://lms.example/m?p=1>; rel=differences')).toBeNull();
    expect(nextPageOf(null)).toBeNull();
  });
});
