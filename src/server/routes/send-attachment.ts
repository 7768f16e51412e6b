import type { FastifyReply } from 'fastify';

/**
 * Answers with a file to save (a download, never shown in the page, never cached): `fileName` must
 * be safe in a header (made of ids, codes and plain words).
 */
export function sendAttachment(
  reply: FastifyReply,
  file: { readonly contentType: string; readonly fileName: string; readonly body: string },
) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
