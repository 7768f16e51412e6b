import type { FastifyReply } from 'fastify';
import type { LtiRefusal } from '#domain/lti/refusals';

/** The form of a POST, or the query of a GET, as single strings. */
export function fieldsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const fields: Record<string, string> = {};
  for (const [name, field] of Object.entries(value)) {
    if (typeof field === 'string') fields[name] = field;
  }
  return fields;
}

/** An LTI page, never cached: each is for one launch. */
export const sendPage = (reply: FastifyReply, status: number, html: string) =>
  reply
    .status(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page of its own: the launch ends before the app's client is loaded. */
export function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)} · Article Discussion</title></head>`,
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body>`,
    '</html>',
  ].join('\n');
}

/**
 * What failed, for the user and for the LMS administrator they will ask: the sentence, and the
 * code to quote.
 */
export function refusalPage(refusal: LtiRefusal): string {
  return page(
    'This launch from your LMS was refused',
    `<p>${escapeHtml(refusal.message)}</p>` +
      `<p>What failed: <code>${escapeHtml(refusal.refused)}</code>. If launching again from the ` +
      'course does not help, give this to whoever looks after your LMS.</p>',
  );
}

/** A student launched a link whose teacher has not made its session yet. */
export function notSetUpPage(title: string | null): string {
  const named = title ? `“${escapeHtml(title)}”` : 'This activity';
  return page(
    'Not set up yet',
    `<p>${named} has not been set up by your teacher yet. Come back to it from your course ` +
      'once they have.</p>',
  );
}
