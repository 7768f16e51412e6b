/**
 * A course page of the test platform (for a browser test): it shows the tool in a frame and
 * offers that frame the platform's storage (LTI Client Side postMessages: `lti.put_data`,
 * `lti.get_data`), kept per tool origin for as long as the page is open. `toolUrl` is what the
 * frame opens first, the tool's login initiation.
 */
export function coursePage(toolUrl: string): string {
  const escaped = toolUrl.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Civics 9</title></head>
<body><h1>Civics 9</h1>
<iframe id="tool" title="Discuss the article" src="${escaped}" width="900" height="600"></iframe>
<script>
  const stored = new Map();
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object' || !event.source) return;
    const key = event.origin + ' ' + message.key;
    if (message.subject === 'lti.put_data') stored.set(key, message.value);
    if (message.subject !== 'lti.put_data' && message.subject !== 'lti.get_data') return;
    event.source.postMessage(
      {
        subject: message.subject + '.response',
        message_id: message.message_id,
        key: message.key,
        value: stored.get(key),
      },
      event.origin,
    );
  });
</script></body></html>`;
}
