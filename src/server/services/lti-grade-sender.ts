import { z } from 'zod';
import { quoteAnswer, LTI_SCOPES } from '#domain/lti/service-token';
import { callLms, LmsHttpError, type LmsAnswer, type LmsRequest } from '../lib/lms-http';
import type { LtiLinkServicesRecord } from '../repositories/lti-link-services.repository';
import type { LtiPlatformRecord } from '../repositories/lti-platforms.repository';
import type { OutboxScore } from '../repositories/lti-grade-outbox.repository';
import { LtiServiceError, platformName, type LtiServiceTokens } from './lti-service-tokens';

const LINE_ITEM_TYPE = 'application/vnd.ims.lis.v2.lineitem+json';
const LINE_ITEMS_TYPE = 'application/vnd.ims.lis.v2.lineitemcontainer+json';
const SCORE_TYPE = 'application/vnd.ims.lis.v1.score+json';
/** The tag of the line items this tool makes, so it finds its own again rather than make two. */
export const LINE_ITEM_TAG = 'article-discussion-grade';
/** A line item or a list of a link's line items is small. */
const LINE_ITEM_MAX_BYTES = 256 * 1024;

const lineItemSchema = z.object({
  id: z.url(),
  tag: z.string().optional(),
  resourceLinkId: z.string().optional(),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The score URL of a line item: its path with /scores, its query kept (AGS 2.0, 3.4). */
function scoresUrlOf(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/scores`;
  return url.toString();
}

/**
 * Sends grades to an LMS by the Assignment and Grade Services: the link's line item (the one the
 * LMS named, or one this tool makes in the course's container), then each student's score.
 */
export class LtiGradeSender {
  constructor(private readonly tokens: LtiServiceTokens) {}

  /** A call to the LMS with a bearer token of `scopes`; an unreachable LMS becomes a named error. */
  private async call(
    platform: LtiPlatformRecord,
    scopes: readonly string[],
    url: string,
    request: Omit<LmsRequest, 'headers'> & { headers: Record<string, string> },
  ): Promise<LmsAnswer> {
    const token = await this.tokens.accessToken(platform, scopes);
    try {
      const answer = await callLms(url, {
        ...request,
        headers: { ...request.headers, authorization: `Bearer ${token}` },
      });
      // A token revoked before it expired: the next attempt asks for a new one.
      if (answer.status === 401) this.tokens.forget(platform, scopes);
      return answer;
    } catch (error) {
      if (!(error instanceof LmsHttpError)) throw error;
      throw new LtiServiceError(`${platformName(platform)}: ${error.message}.`, null, {
        cause: error,
      });
    }
  }

  /** The line item the link's scores go to; made (or found again by its tag) when the LMS named none. */
  async lineItemOf(
    platform: LtiPlatformRecord,
    link: LtiLinkServicesRecord,
    label: string,
  ): Promise<string> {
    if (link.lineItemUrl) return link.lineItemUrl;
    const container = link.lineItemsUrl;
    if (!container) {
      throw new LtiServiceError(
        `${platformName(platform)} offered no line item for this link, nor a place to make one.`,
      );
    }
    const scopes = [LTI_SCOPES.lineItem];
    const listUrl = new URL(container);
    listUrl.searchParams.set('resource_link_id', link.resourceLinkId);
    listUrl.searchParams.set('tag', LINE_ITEM_TAG);
    const listed = await this.call(platform, scopes, listUrl.toString(), {
      method: 'GET',
      headers: { accept: LINE_ITEMS_TYPE },
      maxBytes: LINE_ITEM_MAX_BYTES,
    });
    if (listed.status === 200) {
      const items = z.array(lineItemSchema).safeParse(parseJson(listed.body));
      const mine = items.success
        ? items.data.find(
            (item) => item.tag === LINE_ITEM_TAG && item.resourceLinkId === link.resourceLinkId,
          )
        : undefined;
      if (mine) return mine.id;
    }
    const made = await this.call(platform, scopes, container, {
      method: 'POST',
      headers: { 'content-type': LINE_ITEM_TYPE, accept: LINE_ITEM_TYPE },
      body: JSON.stringify({
        scoreMaximum: 100,
        label,
        resourceLinkId: link.resourceLinkId,
        tag: LINE_ITEM_TAG,
      }),
      maxBytes: LINE_ITEM_MAX_BYTES,
    });
    const item = lineItemSchema.safeParse(parseJson(made.body));
    if ((made.status !== 200 && made.status !== 201) || !item.success) {
      throw new LtiServiceError(
        `${platformName(platform)} did not make a line item at ${container}: it answered ${made.status}: ${quoteAnswer(made.body)}.`,
        made.status,
      );
    }
    return item.data.id;
  }

  /** Posts one student's score to the line item (AGS 2.0, 3.4). */
  async sendScore(
    platform: LtiPlatformRecord,
    lineItemUrl: string,
    userId: string,
    score: OutboxScore,
  ): Promise<void> {
    const url = scoresUrlOf(lineItemUrl);
    const answer = await this.call(platform, [LTI_SCOPES.score], url, {
      method: 'POST',
      headers: { 'content-type': SCORE_TYPE },
      body: JSON.stringify({
        userId,
        ...(score.scoreGiven === null
          ? {}
          : { scoreGiven: score.scoreGiven, scoreMaximum: score.scoreMaximum }),
        comment: score.comment,
        // Milliseconds: an LMS ignores a score not newer than the last it took for the user.
        timestamp: new Date().toISOString(),
        activityProgress: score.activityProgress,
        gradingProgress: score.gradingProgress,
      }),
      maxBytes: LINE_ITEM_MAX_BYTES,
    });
    if (answer.status < 200 || answer.status > 299) {
      throw new LtiServiceError(
        `${platformName(platform)} refused the score at ${url}: it answered ${answer.status}: ${quoteAnswer(answer.body)}.`,
        answer.status,
      );
    }
  }
}
