/**
 * Writes each page as one chunk (awaiting the sink's backpressure). `format`
 * returns undefined for a row it leaves out. Counts the rows written and left out.
 */
export async function writePages<R>(
  pages: AsyncIterable<R[]>,
  write: (chunk: string) => Promise<void>,
  format: (row: R) => string | undefined,
): Promise<{ written: number; skipped: number }> {
  let written = 0;
  let skipped = 0;
  for await (const page of pages) {
    let chunk = '';
    for (const row of page) {
      const text = format(row);
      if (text === undefined) skipped += 1;
      else {
        chunk += text;
        written += 1;
      }
    }
    await write(chunk);
  }
  return { written, skipped };
}
