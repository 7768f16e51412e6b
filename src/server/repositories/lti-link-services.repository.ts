import type { LaunchServices } from '#domain/lti/service-claims';
import type { Queryable } from '../db/database';
import type { LtiResourceLinkKey } from './lti-resource-links.repository';

/** A resource link with the services its launches offered and the session it opens. */
export interface LtiLinkServicesRecord {
  readonly id: string;
  readonly platformId: string;
  readonly resourceLinkId: string;
  readonly title: string | null;
  readonly sessionId: string | null;
  readonly contextId: string | null;
  readonly gradeScopes: readonly string[];
  readonly lineItemsUrl: string | null;
  /** The line item scores go to: the LMS's own, or the one this tool made; null before either. */
  readonly lineItemUrl: string | null;
  readonly membershipsUrl: string | null;
  /** Why the latest launch's service claims were left out; null when they were fine. */
  readonly servicesProblem: string | null;
}

interface LinkServicesRow {
  id: string;
  platform_id: string;
  resource_link_id: string;
  title: string | null;
  session_id: string | null;
  context_id: string | null;
  ags_scopes: string | null;
  ags_line_items_url: string | null;
  line_item_url: string | null;
  nrps_memberships_url: string | null;
  services_problem: string | null;
}

const COLUMNS = `id, platform_id, resource_link_id, title, session_id, context_id, ags_scopes,
  ags_line_items_url, line_item_url, nrps_memberships_url, services_problem`;

const toRecord = (row: LinkServicesRow): LtiLinkServicesRecord => ({
  id: row.id,
  platformId: row.platform_id,
  resourceLinkId: row.resource_link_id,
  title: row.title,
  sessionId: row.session_id,
  contextId: row.context_id,
  gradeScopes: row.ags_scopes ? row.ags_scopes.split(' ') : [],
  lineItemsUrl: row.ags_line_items_url,
  lineItemUrl: row.line_item_url,
  membershipsUrl: row.nrps_memberships_url,
  servicesProblem: row.services_problem,
});

/**
 * Keeps the services the latest launch offered. A launch that names no service leaves what an
 * earlier one said (LMSs send the claims on learners' launches, not always on instructors').
 * The LMS's own line item, when it names one, is the one scores go to.
 */
export async function saveLinkServices(
  db: Queryable,
  link: LtiResourceLinkKey,
  services: LaunchServices,
): Promise<void> {
  const { grades, classList } = services;
  await db.query(
    `UPDATE lti_resource_links SET
       ags_scopes = CASE WHEN $4::boolean THEN $5 ELSE ags_scopes END,
       ags_line_items_url = CASE WHEN $4::boolean THEN $6 ELSE ags_line_items_url END,
       ags_line_item_url = CASE WHEN $4::boolean THEN $7 ELSE ags_line_item_url END,
       line_item_url = coalesce($7, line_item_url),
       nrps_memberships_url = coalesce($8, nrps_memberships_url),
       services_problem = $9
     WHERE platform_id = $1 AND deployment_id = $2 AND resource_link_id = $3`,
    [
      link.platformId,
      link.deploymentId,
      link.resourceLinkId,
      grades !== null,
      grades ? grades.scopes.join(' ') : null,
      grades?.lineItemsUrl ?? null,
      grades?.lineItemUrl ?? null,
      classList?.membershipsUrl ?? null,
      services.problems.length > 0 ? services.problems.join(' ') : null,
    ],
  );
}

/** The link that opens a session (the oldest, should deep linking place it twice). */
export async function findLinkOfSession(
  db: Queryable,
  sessionId: string,
): Promise<LtiLinkServicesRecord | null> {
  const { rows } = await db.query<LinkServicesRow>(
    `SELECT ${COLUMNS} FROM lti_resource_links WHERE session_id = $1
     ORDER BY created_at, id LIMIT 1`,
    [sessionId],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

export async function findLinkById(
  db: Queryable,
  linkId: string,
): Promise<LtiLinkServicesRecord | null> {
  const { rows } = await db.query<LinkServicesRow>(
    `SELECT ${COLUMNS} FROM lti_resource_links WHERE id = $1`,
    [linkId],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Records the line item this tool created for the link, unless one was recorded meanwhile;
 * answers the one that stands.
 */
export async function setCreatedLineItem(
  db: Queryable,
  linkId: string,
  lineItemUrl: string,
): Promise<string> {
  await db.query(
    'UPDATE lti_resource_links SET line_item_url = $2 WHERE id = $1 AND line_item_url IS NULL',
    [linkId, lineItemUrl],
  );
  const { rows } = await db.query<{ line_item_url: string | null }>(
    'SELECT line_item_url FROM lti_resource_links WHERE id = $1',
    [linkId],
  );
  return rows[0]?.line_item_url ?? lineItemUrl;
}
