/**
 * The script of the LTI pages (lti-frame-pages.ts, lti-registration-pages.ts), plain browser
 * JavaScript served at /lti/page.js: these pages come before the app's client, and their CSP
 * allows scripts from this origin only. Its data comes from the page's #lti-frame element.
 *
 * LTI Client Side postMessages (1EdTech): messages go to the frame the LMS named in
 * lti_storage_target, with the LMS's origin as target, and only answers from that origin count.
 */
export const LTI_PAGE_SCRIPT = `(() => {
  'use strict';
  const frame = document.getElementById('lti-frame');
  if (!frame) return;
  const data = frame.dataset;
  const ANSWER_WAIT_MS = 3000;

  const storageWindow = () => {
    if (window.parent === window) return null;
    if (data.target === '_parent') return window.parent;
    try {
      return window.parent.frames[data.target] || null;
    } catch (error) {
      return null;
    }
  };

  const ask = (subject, fields, onAnswer, onNoAnswer) => {
    const target = storageWindow();
    if (!target) {
      onNoAnswer();
      return;
    }
    const messageId = String(Date.now()) + Math.random().toString(36).slice(2);
    let answered = false;
    const listen = (event) => {
      const answer = event.data;
      if (event.origin !== data.platformOrigin || !answer || typeof answer !== 'object') return;
      if (answer.subject !== subject + '.response' || answer.message_id !== messageId) return;
      answered = true;
      window.removeEventListener('message', listen);
      onAnswer(answer);
    };
    window.addEventListener('message', listen);
    target.postMessage(Object.assign({ subject, message_id: messageId }, fields), data.platformOrigin);
    setTimeout(() => {
      if (answered) return;
      window.removeEventListener('message', listen);
      onNoAnswer();
    }, ANSWER_WAIT_MS);
  };

  const refuse = () => {
    const status = document.getElementById('lti-status');
    const refused = document.getElementById('lti-refused');
    if (status) status.hidden = true;
    if (refused) refused.hidden = false;
  };

  if (data.action === 'storage-login') {
    // Without an answer the login goes on all the same: the state cookie may still come back.
    const goOn = () => window.location.assign(data.redirect);
    ask('lti.put_data', { key: data.key, value: data.value }, goOn, goOn);
  } else if (data.action === 'storage-launch') {
    ask(
      'lti.get_data',
      { key: data.key },
      (answer) => {
        if (!answer.error && answer.value === data.value) {
          document.getElementById('lti-continue').submit();
        } else {
          refuse();
        }
      },
      refuse,
    );
  } else if (data.action === 'close') {
    // Dynamic Registration 1.0: the LMS closes its registration frame or window on this message.
    (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
  }
})();
`;
