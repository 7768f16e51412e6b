import { escapeHtml, page } from './lti-pages';

/** The one script of the LTI pages, served by the tool (the pages' CSP allows no inline script). */
export const LTI_PAGE_SCRIPT_PATH = '/lti/page.js';
const script = `<script src="${LTI_PAGE_SCRIPT_PATH}" defer></script>`;

const dataAttributes = (data: Record<string, string>) =>
  Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');

/** The key the launch's state is kept under in the platform's storage. */
export const storageKeyOf = (state: string) => `lti_state_${state}`;

/**
 * The login, when the LMS offers its storage (lti_storage_target): the state is put there
 * (lti.put_data) before the browser goes on to the LMS, for a frame that cannot keep the cookie.
 */
export function storageLoginPage(input: {
  target: string;
  platformOrigin: string;
  state: string;
  redirectUrl: string;
}): string {
  const data = {
    action: 'storage-login',
    target: input.target,
    'platform-origin': input.platformOrigin,
    key: storageKeyOf(input.state),
    value: input.state,
    redirect: input.redirectUrl,
  };
  return page(
    'Signing you in from your LMS',
    `<div id="lti-frame"${dataAttributes(data)}></div>` +
      `<p id="lti-status" role="status">One moment…</p>` +
      `<noscript><p><a href="${escapeHtml(input.redirectUrl)}">Continue to your LMS</a></p></noscript>` +
      script,
  );
}

/**
 * The launch arrived without the state cookie (a frame with third-party cookies blocked): the
 * page asks the LMS's storage for the state (lti.get_data) and, when it is this launch's, posts
 * the launch on from this tool's own page (/lti/launch/stored checks the Origin).
 */
export function storageLaunchPage(input: {
  target: string;
  platformOrigin: string;
  state: string;
  idToken: string;
}): string {
  const data = {
    action: 'storage-launch',
    target: input.target,
    'platform-origin': input.platformOrigin,
    key: storageKeyOf(input.state),
    value: input.state,
  };
  const fields = { id_token: input.idToken, state: input.state };
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  return page(
    'Signing you in from your LMS',
    `<div id="lti-frame"${dataAttributes(data)}></div>` +
      `<form id="lti-continue" method="post" action="/lti/launch/stored">${hidden}</form>` +
      '<p id="lti-status" role="status">One moment…</p>' +
      '<p id="lti-refused" hidden>Your LMS did not confirm that this launch started in this ' +
      'browser (<code>state_mismatch</code>). Open the activity from your course again; if ' +
      'this page comes back, ask whoever looks after your LMS to open this tool in a new window.</p>' +
      '<noscript><p>This step needs JavaScript. Ask whoever looks after your LMS to open this ' +
      'tool in a new window.</p></noscript>' +
      script,
  );
}

/**
 * The launch was checked, but this frame cannot keep the app's cookies: a button opens a window
 * of the app's own (first-party), where a one-time code signs the user in.
 */
export function handoffPage(input: { state: string; code: string; minutes: number }): string {
  const hidden = Object.entries({ launch: input.state, code: input.code })
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  return page(
    'Open the activity in a new window',
    '<p>Your browser does not let this app keep you signed in inside your course’s page. ' +
      'Open it in a window of its own to go on.</p>' +
      `<form method="post" action="/lti/handoff" target="_blank">${hidden}` +
      '<button type="submit" autofocus>Open in a new window</button></form>' +
      `<p>The button works once, for ${input.minutes} minutes; after that, open the activity ` +
      'from your course again.</p>',
  );
}

/** A hand-off refused: it names why and what to do. */
export function handoffRefusalPage(code: string, message: string): string {
  return page(
    'This link cannot open the activity',
    `<p>${escapeHtml(message)}</p><p>What failed: <code>${escapeHtml(code)}</code>.</p>`,
  );
}
