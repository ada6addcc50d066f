/**
 * A reader of `text/event-stream` (Server-Sent Events) over fetch, for the GraphQL over SSE answers
 * of the API: the explorer's live feed, `newsgraph watch` and the feed's load benchmark. It runs in a
 * browser as in Node. EventSource cannot send an Authorization header nor POST a query, so the
 * clients read the response body themselves. Only what the protocol needs: `event` and `data` fields, comments
 * (`:` keep-alives) ignored, `id` and `retry` ignored (the change feed's cursor does their work).
 */

export interface SseMessage {
  /** The `event:` field; `message` when absent, as in EventSource. */
  event: string;
  /** The `data:` lines joined with newlines. */
  data: string;
}

/** Cuts a stream of text into messages; text may arrive split anywhere, even inside a line or a CR LF. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  /** Feeds a piece of text; returns the messages it completed. */
  push(text: string): SseMessage[] {
    this.buffer += text;
    const messages: SseMessage[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      if (end < 0) break;
      // A CR at the very end may be the first half of a CR LF still to come.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      const message = this.line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  private line(line: string): SseMessage | null {
    if (line === '') {
      const message = this.data.length > 0 ? { event: this.event || 'message', data: this.data.join('\n') } : null;
      this.event = '';
      this.data = [];
      return message;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }
}

/** Reads a response body to its end, passing each message on; resolves when the stream ends. */
export async function readEventStream(body: ReadableStream<Uint8Array>, onMessage: (message: SseMessage) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      for (const message of parser.push(decoder.decode(value, { stream: true }))) onMessage(message);
    }
    for (const message of parser.push(`${decoder.decode()}\n\n`)) onMessage(message);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
