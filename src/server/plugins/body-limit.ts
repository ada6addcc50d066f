import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { decodeUtf8, holdsUnpairedSurrogate, percentEscapesAreUtf8 } from './well-formed-text.js';

const httpError = (status: number, message: string, code: string, headers?: Record<string, string>) =>
  createGraphQLError(message, { extensions: { code, http: { status, ...(headers ? { headers } : {}) } } });

// The rest of the body stays unread, so the connection cannot carry another request: close it.
const tooLarge = (maxBytes: number) =>
  httpError(413, `The request body is larger than the limit of ${maxBytes} bytes.`, 'PAYLOAD_TOO_LARGE', { connection: 'close' });

// A UTF-16 surrogate without its pair: JSON can carry one (as \ud800), Neo4j cannot store it.
const loneSurrogate = () =>
  httpError(
    400,
    'The request has a string with an unpaired UTF-16 surrogate (\\ud800-\\udfff), which cannot be stored: send well-formed Unicode.',
    'BAD_REQUEST',
  );
// JSON must be UTF-8 (RFC 8259), so for a JSON body this is malformed JSON.
const notUtf8 = (what: string) =>
  httpError(400, `${what} is not well-formed UTF-8, and decoding it would replace characters with U+FFFD: send UTF-8.`, 'BAD_REQUEST');
const escapesNotUtf8 = (where: string) =>
  httpError(
    400,
    `The ${where} has percent-escapes that are not well-formed UTF-8 (such as an encoded surrogate, %ED%A0%80), which decoding would replace with U+FFFD: encode the text as UTF-8.`,
    'BAD_REQUEST',
  );
const FORM = /^application\/x-www-form-urlencoded\b/i;

/** Reads at most `maxBytes`, so a body without a Content-Length (chunked) cannot grow without bound either. */
async function readLimited(request: Request, maxBytes: number, what: string): Promise<string> {
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
  const text = decodeUtf8(Buffer.concat(chunks));
  if (text === null) throw notUtf8(what);
  return text;
}

/** The same request with its body read (at most `maxBytes`, well-formed UTF-8, and for a form, escapes that decode to UTF-8). */
async function checkedCopy(request: Request, maxBytes: number): Promise<Request> {
  const text = await readLimited(request, maxBytes, 'The request body');
  if (FORM.test(request.headers.get('content-type') ?? '') && !percentEscapesAreUtf8(text)) throw escapesNotUtf8('form body');
  return new Request(request.url, { method: request.method, headers: request.headers, body: text });
}

/**
 * Caps the size of POST bodies and parses JSON ones itself, with a 400 that
 * says what is wrong for malformed JSON or a body that is not a GraphQL request.
 * Text that decoding would alter (not UTF-8, escapes of invalid UTF-8, unpaired
 * surrogates) is refused with a 400 in every kind of request.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse(payload) {
      guardParser(payload, maxBytes);
      return {
        onRequestParseDone({ requestParserResult }) {
          if (holdsUnpairedSurrogate(requestParserResult)) throw loneSurrogate();
        },
      };
    },
  };
}

type OnRequestParse = NonNullable<Plugin['onRequestParse']>;

function guardParser({ request, url, requestParser, setRequestParser }: Parameters<OnRequestParse>[0], maxBytes: number): void {
  if (request.method !== 'POST') {
    if (!percentEscapesAreUtf8(url.search)) throw escapesNotUtf8('query string');
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
    // Yoga's own parsers (application/graphql, forms) read the whole body: give them one read here, capped and checked.
    const parse = requestParser;
    setRequestParser(withJsonErrors(async (req) => parse(await checkedCopy(req, maxBytes))));
    return;
  }
  setRequestParser(async (req) => {
    const text = await readLimited(req, maxBytes, 'Malformed JSON in the request body: it');
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
}

type RequestParser = (request: Request) => Promise<GraphQLParams | GraphQLParams[] | Response> | GraphQLParams | GraphQLParams[] | Response;

/** Yoga's GET and form parsers JSON.parse "variables" and "extensions" without a catch: a typo there would answer 500, not 400. */
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
