import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';

const httpError = (status: number, message: string, code: string, headers?: Record<string, string>) =>
  createGraphQLError(message, { extensions: { code, http: { status, ...(headers ? { headers } : {}) } } });

// The rest of the body stays unread, so the connection cannot carry another request: close it.
const tooLarge = (maxBytes: number) => httpError(413, `The request body is larger than the limit of ${maxBytes} bytes.`, 'PAYLOAD_TOO_LARGE', { connection: 'close' });

/** A UTF-16 surrogate without its pair: JSON can carry one (as \ud800), Neo4j cannot store it. */
const LONE_SURROGATE = /\p{Cs}/u;

class LoneSurrogate extends Error {}

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

/** The same request with a body that errors with a 413 past `maxBytes`. */
function limited(request: Request, maxBytes: number): Request {
  if (!request.body) return request;
  let size = 0;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) controller.error(tooLarge(maxBytes));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, body, duplex: 'half' } as RequestInit);
}

/**
 * Caps the size of POST bodies and parses JSON ones itself, with a 400 that
 * says what is wrong for malformed JSON or a body that is not a GraphQL request.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (request.method !== 'POST') {
        // GET carries variables and extensions as JSON in the URL; Yoga parses them unguarded.
        if (requestParser) setRequestParser(withJsonErrors(requestParser));
        return;
      }
      const declared = Number(request.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
      const contentType = request.headers.get('content-type') ?? '';
      if (!/^application\/(graphql-response\+)?json\b/i.test(contentType)) {
        if (!requestParser) {
          const given = contentType ? `Content-Type ${JSON.stringify(contentType)}` : 'a POST without a Content-Type';
          throw httpError(415, `The API does not take ${given}: send the request as JSON with Content-Type: application/json.`, 'UNSUPPORTED_MEDIA_TYPE');
        }
        // Yoga's own parsers (application/graphql, forms) read the whole body: give them a capped one.
        const parse = requestParser;
        setRequestParser(withJsonErrors((req) => parse(limited(req, maxBytes))));
        return;
      }
      setRequestParser(async (req) => {
        const text = await readLimited(req, maxBytes);
        let body: unknown;
        try {
          body = JSON.parse(text, (_key, value: unknown) => {
            if (typeof value === 'string' && LONE_SURROGATE.test(value)) throw new LoneSurrogate();
            return value;
          });
        } catch (error) {
          if (error instanceof LoneSurrogate) {
            throw httpError(400, 'The request body has a string with an unpaired UTF-16 surrogate (\\ud800-\\udfff), which cannot be stored: send well-formed Unicode.', 'BAD_REQUEST');
          }
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

type RequestParser = (request: Request) => Promise<GraphQLParams | GraphQLParams[] | Response> | GraphQLParams | GraphQLParams[] | Response;

/** Yoga's GET and form parsers JSON.parse "variables" and "extensions" without a catch: a typo there was a 500. */
function withJsonErrors(parse: RequestParser): RequestParser {
  return async (request) => {
    try {
      return await parse(request);
    } catch (error) {
      if (error instanceof SyntaxError) throw httpError(400, `Malformed JSON in the "variables" or "extensions" parameter: ${error.message}`, 'BAD_REQUEST');
      throw error;
    }
  };
}
