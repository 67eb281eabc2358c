/** Thrown when an answer is larger than the client accepts. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * The body as UTF-8 text, refusing more than `maxBytes` (an upstream must not be able to make
 * us buffer without bound). Stops reading and destroys the stream at the limit.
 */
export async function readBoundedBody(body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown }, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      const error = new BodyTooLargeError(`answer exceeds ${maxBytes} bytes`);
      body.destroy(error);
      throw error;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
