import type { Queryable } from '../db/database';
import {
  listSessionVersions,
  sessionVersionsFingerprint,
  type ForecastVersionRecord,
} from '../repositories/forecasts.repository';

/** Classes whose versions are kept: a teacher's page and their students' pages share one. */
const CACHED_CLASSES = 8;

/**
 * The forecast versions of a class, kept between requests while the database says they have
 * not changed (a fingerprint checked on every read, so every server instance sharing one
 * PostgreSQL stays right). Reading 200,000 versions takes seconds on PGlite; checking the
 * fingerprint a fraction of that (npm run bench:forecasts). The records are shared: readers
 * must not change them (they are readonly).
 */
export class VersionCache {
  private readonly entries = new Map<
    string,
    { readonly fingerprint: string; readonly versions: readonly ForecastVersionRecord[] }
  >();

  constructor(private readonly db: Queryable) {}

  async read(sessionIds: readonly string[]): Promise<readonly ForecastVersionRecord[]> {
    const key = [...sessionIds].sort().join(' ');
    const fingerprint = await sessionVersionsFingerprint(this.db, sessionIds);
    const kept = this.entries.get(key);
    this.entries.delete(key);
    if (kept?.fingerprint === fingerprint) {
      // Most recently used last, so the oldest is the first to go.
      this.entries.set(key, kept);
      return kept.versions;
    }
    const versions = await listSessionVersions(this.db, sessionIds);
    // Read after the fingerprint: a write in between makes the next read check again, never
    // keeps a stale list (the fingerprint kept is older than the list).
    this.entries.set(key, { fingerprint, versions });
    if (this.entries.size > CACHED_CLASSES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return versions;
  }
}
