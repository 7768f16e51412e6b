import { describe, expect, it } from 'vitest';
import { parseCsv } from '#domain/reports/csv';
import { auditCsv } from './audit-csv';

const ACCOUNT = 'a'.repeat(32);
const GONE = 'b'.repeat(32);
const SESSION = 'c'.repeat(32);

describe('the audit trail as CSV', () => {
  it('names the accounts and sessions that still exist beside their hashes, and guards formulas', () => {
    const text = auditCsv(
      [
        {
          at: new Date('2026-12-01T10:00:00Z'),
          actorKind: 'teacher',
          actorRef: ACCOUNT,
          action: 'exported_session',
          sessionRef: SESSION,
          studentRef: null,
          addressHash: 'd'.repeat(32),
          detail: 'answers.csv',
        },
        {
          at: new Date('2026-12-02T10:00:00Z'),
          actorKind: 'teacher',
          actorRef: GONE,
          action: 'deleted_account',
          sessionRef: null,
          studentRef: null,
          addressHash: null,
          detail: null,
        },
      ],
      {
        accounts: new Map([[ACCOUNT, '+cmd@school.example']]),
        sessions: new Map([[SESSION, 'the-session-id']]),
      },
    );
    expect(parseCsv(text)).toEqual([
      [
        'at',
        'actor_kind',
        'actor_ref',
        'actor_account',
        'action',
        'session_ref',
        'session_id',
        'student_ref',
        'address_hash',
        'detail',
      ],
      [
        '2026-12-01T10:00:00.000Z',
        'teacher',
        ACCOUNT,
        "'+cmd@school.example",
        'exported_session',
        SESSION,
        'the-session-id',
        '',
        'd'.repeat(32),
        'answers.csv',
      ],
      ['2026-12-02T10:00:00.000Z', 'teacher', GONE, '', 'deleted_account', '', '', '', '', ''],
    ]);
  });
});
