/** The property every fuzzed response must satisfy: an allowed status, JSON, known error codes, and no leaks. */

export const ALLOWED_STATUS = new Set([200, 400, 401, 403, 413]);

export const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONSTRAINT_VIOLATION',
  'QUERY_TIMEOUT',
  'DATABASE_BUSY',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'COST_LIMIT_EXCEEDED',
  'REQUEST_TIMEOUT',
  // A stored document id given with other content, a write naming a merged id, an entity merged away under a write.
  'DOCUMENT_CONFLICT',
  'ENTITY_MERGED',
  'CONCURRENT_CHANGE',
  // extractDraft: an article in another language; and, on a server without a language engine (the fuzzed one), 503.
  'UNSUPPORTED_LANGUAGE',
  'NLP_UNAVAILABLE',
]);

/** The one 503 a fuzzed request may get: extractDraft on a server that has no language engine. */
const UNAVAILABLE_ENGINE_ONLY = (body: { errors?: GraphQLErrorJson[] }) => (body.errors ?? []).every((error) => error.extensions?.code === 'NLP_UNAVAILABLE');

/** Errors graphql-js, Yoga and graphql-armor raise before execution, without an extensions.code. */
export const CODELESS_PRE_EXECUTION = [
  /^Syntax Error: /, // armor's depth, cost, alias, directive and token limits
  /^Variable "\$[A-Za-z0-9_]+" /, // variable coercion
  /^Schema is not configured to execute (subscription|mutation) operation\.$/,
];

export const MASKED = 'Unexpected error.';

/** Text that must never reach a caller. Generated input never contains any of it (see `clean`). */
export const LEAKS: Array<[string, RegExp]> = [
  ['a stack trace', /\n\s*at |\s{4}at \S/],
  ['Cypher', /\b(MATCH|UNWIND|MERGE|RETURN|DETACH DELETE|OPTIONAL MATCH|CREATE|WITH|CALL|FOREACH|SET)\s+[($\w{[]/],
  ['Neo4j driver text', /neo4j|Neo4jError|Neo\.(ClientError|TransientError|DatabaseError)|bolt:\/\/|ServiceUnavailable|SessionExpired|db\.index|queryNodes/i],
  ['a file path', /\/work\/|node_modules|file:\/\/|\.[cm]?[jt]s:\d+/],
  ['a JavaScript error name', /\b(TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|undefined is not)\b/],
];

export const clean = (text: string) => !LEAKS.some(([, pattern]) => pattern.test(text)) && !text.includes(MASKED);

interface GraphQLErrorJson {
  message?: unknown;
  extensions?: { code?: unknown } & Record<string, unknown>;
}

/** Throws unless the response is allowed; requests answered with the masked error are pushed onto `masked`. */
export function checkResponse(status: number, contentType: string | null, text: string, request: string, masked: string[]): void {
  const where = `for a request ${request}`;
  if (!ALLOWED_STATUS.has(status) && status !== 503) throw new Error(`status ${status} ${where}\nbody: ${text.slice(0, 2000)}`);
  if (!/json/.test(contentType ?? '')) throw new Error(`content type ${contentType} ${where}`);
  let body: { errors?: GraphQLErrorJson[]; data?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`a body that is not JSON ${where}: ${text.slice(0, 500)}`);
  }
  if (status === 503 && !UNAVAILABLE_ENGINE_ONLY(body)) throw new Error(`status 503 ${where}\nbody: ${text.slice(0, 2000)}`);
  if (typeof body !== 'object' || body === null) throw new Error(`a body that is not an object ${where}`);
  if (status !== 200 && !(Array.isArray(body.errors) && body.errors.length > 0)) throw new Error(`status ${status} without errors ${where}`);
  for (const error of body.errors ?? []) {
    const { locations: _locations, ...rest } = error as GraphQLErrorJson & { locations?: unknown };
    const serialized = JSON.stringify(rest);
    for (const [what, pattern] of LEAKS) {
      if (pattern.test(serialized)) throw new Error(`${what} in an error: ${serialized.slice(0, 2000)}\n${where}`);
    }
    if (typeof error.message !== 'string' || error.message.length === 0) throw new Error(`an error without a message: ${serialized} ${where}`);
    const code = error.extensions?.code;
    if (error.message === MASKED) {
      masked.push(request);
      continue;
    }
    if (typeof code === 'string') {
      if (!KNOWN_CODES.has(code)) throw new Error(`unknown error code ${code}: ${serialized}\n${where}`);
      continue;
    }
    if (!CODELESS_PRE_EXECUTION.some((pattern) => pattern.test(error.message as string))) {
      throw new Error(`an error that is neither known nor masked: ${serialized}\n${where}`);
    }
  }
}
