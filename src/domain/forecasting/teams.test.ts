import { describe, expect, it } from 'vitest';
import { checkForecastTeams } from './teams';

const students = new Set(['p1', 'p2', 'p3']);

describe('checkForecastTeams', () => {
  it('accepts named teams of students of the session, and an empty team', () => {
    const teams = [
      { name: 'Owls', participantIds: ['p1', 'p2'] },
      { name: 'Larks', participantIds: [] },
    ];
    expect(checkForecastTeams(teams, students)).toBeNull();
  });

  it('puts a student in one team only', () => {
    const teams = [
      { name: 'Owls', participantIds: ['p1'] },
      { name: 'Larks', participantIds: ['p2', 'p1'] },
    ];
    expect(checkForecastTeams(teams, students)).toEqual({
      field: 'teams.1.participantIds',
      message: 'p1 is also in team 1: a student is in one team',
    });
    expect(
      checkForecastTeams([{ name: 'Owls', participantIds: ['p1', 'p1'] }], students)?.message,
    ).toBe('p1 is twice in this team: a student is in one team');
  });

  it('refuses a member who is not a student of the session', () => {
    expect(checkForecastTeams([{ name: 'Owls', participantIds: ['p9'] }], students)).toEqual({
      field: 'teams.0.participantIds',
      message: 'p9 is not a student of this session',
    });
  });

  it('requires a one-line name of its own', () => {
    const check = (...names: string[]) =>
      checkForecastTeams(
        names.map((name) => ({ name, participantIds: [] })),
        students,
      );
    expect(check('  ')).toEqual({ field: 'teams.0.name', message: 'give the team a name' });
    expect(check('Owls', 'owls ')).toEqual({
      field: 'teams.1.name',
      message: 'another team is already called "owls"',
    });
    expect(check('Owls\nLarks')?.message).toBe('must be one line');
    expect(check('x'.repeat(61))?.message).toBe('must be at most 60 characters');
    expect(check('a\u0007b')?.message).toBe('contains the control character U+0007');
  });
});
