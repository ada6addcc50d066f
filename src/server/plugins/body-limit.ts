import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';

const httpError = (status: number, message: string, code: string) => createGraphQLError(message, { extensions: { code, http: { status } } });

const tooLarge = (maxBytes: number) => httpError(413, `The request body is larger than the limit of ${maxBytes} bytes.`, 'PAYLOAD_TOO_LARGE');

/** Reads at most `maxBytes`, so a body without a Content-Length (chunked) cannot grow without bound either. */
async function readLimited(request: Request, maxBytes: number): Promise<string> {
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Caps the size of POST bodies and parses JSON ones itself, with a 400 that
 * says what is wrong for malformed JSON or a body that is not a GraphQL request.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'POST') return;
      const declared = Number(request.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
      if (!/^application\/(graphql-response\+)?json\b/i.test(request.headers.get('content-type') ?? '')) return;
      setRequestParser(async (req) => {
        const text = await readLimited(req, maxBytes);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (error) {
          throw httpError(400, `Malformed JSON in the request body: ${(error as Error).message}`, 'BAD_REQUEST');
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          throw httpError(400, 'The request body must be a JSON object with "query" and optional "variables" and "operationName".', 'BAD_REQUEST');
        }
        return body as GraphQLParams;
      });
    },
  };
}
