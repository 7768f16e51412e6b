import type { SpeakingTurn } from '#domain/api/dashboard-contracts';
import { SPEAKING_TURNS_MAX, tallySpeakingTurns } from '#domain/live/speaking-turns';
import { toCsv } from '#domain/reports/csv';
import type { Database } from '../db/database';
import { ApiError } from '../lib/api-error';
import type { LiveHub } from '../live/live-hub';
import type { ClassSessionRecord } from '../repositories/class-sessions.repository';
import { listParticipants } from '../repositories/participants.repository';
import {
  addSpeakingTurn,
  listSpeakingTurns,
  removeSpeakingTurn,
} from '../repositories/speaking-turns.repository';

function requireOpen(session: ClassSessionRecord): void {
  if (session.status === 'ended') {
    throw new ApiError(
      409,
      'session_ended',
      'This session has ended; its turns can no longer change.',
    );
  }
}

/** The teacher's tally of who speaks in a spoken discussion; only the teacher is told. */
export class SpeakingTurns {
  constructor(
    private readonly db: Database,
    private readonly hub: LiveHub,
  ) {}

  async list(sessionId: string): Promise<{ readonly turns: SpeakingTurn[] }> {
    return { turns: await listSpeakingTurns(this.db, sessionId) };
  }

  async add(
    session: ClassSessionRecord,
    turn: Pick<SpeakingTurn, 'participantId' | 'kind'>,
  ): Promise<void> {
    requireOpen(session);
    const added = await addSpeakingTurn(this.db, {
      sessionId: session.id,
      participantId: turn.participantId,
      kind: turn.kind,
      // A self-paced class is on no one section.
      sectionId: session.mode === 'teacher-paced' ? session.currentSectionId : null,
      max: SPEAKING_TURNS_MAX,
    });
    if (added === 'not-in-session') {
      throw new ApiError(404, 'not_found', 'That student is not in this session.', 'participantId');
    }
    if (added === 'full') {
      throw new ApiError(
        409,
        'invalid_input',
        `This session already holds ${SPEAKING_TURNS_MAX} speaking turns, the most it keeps.`,
      );
    }
    await this.hub.publish(session.id, { to: 'teacher' }, { type: 'turns.changed' });
  }

  async remove(session: ClassSessionRecord, turnId: string): Promise<void> {
    requireOpen(session);
    if (!(await removeSpeakingTurn(this.db, session.id, turnId))) {
      throw new ApiError(404, 'not_found', 'This session has no such turn.', 'turnId');
    }
    await this.hub.publish(session.id, { to: 'teacher' }, { type: 'turns.changed' });
  }

  /** Each student's turns and share, by kind, as CSV. */
  async csv(session: ClassSessionRecord): Promise<string> {
    const [participants, turns] = await Promise.all([
      listParticipants(this.db, session.id),
      listSpeakingTurns(this.db, session.id),
    ]);
    const tally = tallySpeakingTurns(
      participants.map((p) => p.id),
      turns,
    );
    const labels = new Map(participants.map((p) => [p.id, p.label]));
    return toCsv(
      [
        'student',
        'turns',
        'share_percent',
        'new_idea',
        'builds_on',
        'challenges',
        'question',
        'unmarked',
      ],
      tally.speakers.map((s) => [
        labels.get(s.participantId),
        s.turns,
        Math.round(s.share * 100),
        s.byKind['new-idea'],
        s.byKind['builds-on'],
        s.byKind.challenges,
        s.byKind.question,
        s.unmarked,
      ]),
    );
  }
}
