import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';

/** An activity placed in a course, and the session it opens once the teacher made one. */
export interface LtiResourceLinkRecord {
  readonly id: string;
  readonly title: string | null;
  readonly sessionId: string | null;
}

/** Where a link is: its platform, deployment and the LMS's id for it. */
export interface LtiResourceLinkKey {
  readonly platformId: string;
  readonly deploymentId: string;
  readonly resourceLinkId: string;
}

interface LinkRow {
  id: string;
  title: string | null;
  session_id: string | null;
}

const toRecord = (row: LinkRow): LtiResourceLinkRecord => ({
  id: row.id,
  title: row.title,
  sessionId: row.session_id,
});

/** The link as the latest launch describes it (its course and title may change in the LMS). */
export async function upsertResourceLink(
  db: Queryable,
  link: LtiResourceLinkKey & { contextId: string | null; title: string | null },
): Promise<LtiResourceLinkRecord> {
  const { rows } = await db.query<LinkRow>(
    `INSERT INTO lti_resource_links (id, platform_id, deployment_id, resource_link_id, context_id, title)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (platform_id, deployment_id, resource_link_id)
       DO UPDATE SET context_id = EXCLUDED.context_id, title = EXCLUDED.title
     RETURNING id, title, session_id`,
    [
      randomUUID(),
      link.platformId,
      link.deploymentId,
      link.resourceLinkId,
      link.contextId,
      link.title,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('saving the resource link returned no row');
  return toRecord(row);
}

/** Sets the session a link opens; false when no launch has brought the link yet. */
export async function setResourceLinkSession(
  db: Queryable,
  link: LtiResourceLinkKey,
  sessionId: string,
): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE lti_resource_links SET session_id = $4
     WHERE platform_id = $1 AND deployment_id = $2 AND resource_link_id = $3 RETURNING id`,
    [link.platformId, link.deploymentId, link.resourceLinkId, sessionId],
  );
  return rows.length === 1;
}
