// An answer sent as its generator produces it: each chunk read when the client is
// ready for it (a pull per chunk), and the generator stopped if the client goes away.
// For exports that must not be built in memory first (open data, the list for publication).
export function streamedBody(chunks: AsyncGenerator<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value)
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}
