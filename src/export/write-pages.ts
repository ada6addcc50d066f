/** Writes each page as one chunk (awaiting the sink's backpressure) and counts the rows. */
export async function writePages<R>(pages: AsyncIterable<R[]>, write: (chunk: string) => Promise<void>, format: (row: R) => string): Promise<number> {
  let count = 0;
  for await (const page of pages) {
    await write(page.map(format).join(''));
    count += page.length;
  }
  return count;
}
