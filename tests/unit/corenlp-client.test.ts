import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreNlpClient, NlpInputError, NlpUnavailableError } from '../../src/nlp/corenlp-client.js';

/** One sentence as CoreNLP's JSONOutputter writes it, with the extras the client is meant to drop. */
const CORENLP_ANSWER = {
  docDate: '2021-08-03',
  sentences: [
    {
      index: 0,
      paragraph: 1,
      line: 1,
      basicDependencies: [{ dep: 'ROOT', governor: 0, governorGloss: 'ROOT', dependent: 2, dependentGloss: 'spoke' }],
      enhancedDependencies: [{ dep: 'ROOT', governor: 0, governorGloss: 'ROOT', dependent: 2, dependentGloss: 'spoke' }],
      enhancedPlusPlusDependencies: [{ dep: 'nsubj', governor: 2, governorGloss: 'spoke', dependent: 1, dependentGloss: 'Wu' }],
      parse: '(ROOT ...)',
      kbp: [{ subject: 'Wu', subjectSpan: [0, 1], relation: 'per:title', relationSpan: [1, 2], object: 'x', objectSpan: [2, 3], confidence: 0.9 }],
      entitymentions: [
        {
          docTokenBegin: 2,
          docTokenEnd: 3,
          tokenBegin: 2,
          tokenEnd: 3,
          text: 'August',
          characterOffsetBegin: 12,
          characterOffsetEnd: 18,
          ner: 'DATE',
          normalizedNER: '2021-08',
          timex: { tid: 't1', type: 'DATE', value: '2021-08', extra: 1 },
        },
      ],
      tokens: [
        {
          index: 1,
          word: 'Wu',
          originalText: 'Wu',
          lemma: 'Wu',
          characterOffsetBegin: 0,
          characterOffsetEnd: 2,
          pos: 'NNP',
          ner: 'PERSON',
          speaker: 'PER0',
          truecase: 'Wu',
          before: '',
          after: ' ',
        },
      ],
    },
  ],
  corefs: {
    '1': [
      {
        id: 1,
        text: 'Wu',
        type: 'PROPER',
        number: 'SINGULAR',
        gender: 'MALE',
        animacy: 'ANIMATE',
        startIndex: 1,
        endIndex: 2,
        headIndex: 1,
        sentNum: 1,
        position: [1, 1],
        isRepresentativeMention: true,
        extra: 'x',
      },
    ],
  },
  quotes: [
    {
      id: 0,
      text: '"Hi"',
      beginIndex: 20,
      endIndex: 24,
      beginToken: 4,
      endToken: 5,
      beginSentence: 0,
      endSentence: 0,
      speaker: 'Wu',
      canonicalSpeaker: 'Wu',
      mentionSieve: 'trigram',
    },
  ],
};

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let server: Server | undefined;

async function serve(handler: Handler): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

describe('CoreNlpClient', () => {
  it('posts the text with the date and keeps only the fields the rules read', async () => {
    let seen: { url?: string; body?: string } = {};
    const url = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        seen = { url: request.url, body };
        response.end(JSON.stringify(CORENLP_ANSWER));
      });
    });
    const document = await new CoreNlpClient(url, 5000).annotate('Wu spoke in August. "Hi"', { date: '2021-08-03' });
    expect(seen).toEqual({ url: '/annotate?date=2021-08-03', body: 'Wu spoke in August. "Hi"' });
    const [sentence] = document.sentences;
    expect(Object.keys(sentence!).sort()).toEqual([
      'basicDependencies',
      'enhancedPlusPlusDependencies',
      'entitymentions',
      'index',
      'kbp',
      'paragraph',
      'tokens',
    ]);
    expect(sentence!.tokens[0]).not.toHaveProperty('speaker');
    expect(sentence!.kbp![0]).not.toHaveProperty('confidence');
    expect(sentence!.entitymentions[0]!.timex).toEqual({ tid: 't1', type: 'DATE', value: '2021-08' });
    expect(document.corefs['1']![0]).not.toHaveProperty('extra');
    expect(document.quotes![0]).toEqual({
      id: 0,
      text: '"Hi"',
      beginIndex: 20,
      endIndex: 24,
      beginToken: 4,
      endToken: 5,
      beginSentence: 0,
      endSentence: 0,
      speaker: 'Wu',
      canonicalSpeaker: 'Wu',
    });
    expect(document).not.toHaveProperty('docDate');
  });

  it('reports the service refusing the input as bad input, with its message and status', async () => {
    const url = await serve((_request, response) => {
      response.writeHead(413, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'the text is larger than 2097152 bytes' }));
    });
    const failure = await new CoreNlpClient(url, 5000).annotate('text').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NlpInputError);
    expect(failure).toMatchObject({ status: 413, message: 'the text is larger than 2097152 bytes' });
  });

  it('refuses a malformed date before any request', async () => {
    await expect(new CoreNlpClient('http://127.0.0.1:9', 5000).annotate('text', { date: '2021-8-3' })).rejects.toBeInstanceOf(NlpInputError);
  });

  it.each([
    [
      'a server error',
      (_request: IncomingMessage, response: ServerResponse) => (response.writeHead(500), response.end('{"error":"boom"}')),
      /answered 500: boom/,
    ],
    ['an answer that is not JSON', (_request: IncomingMessage, response: ServerResponse) => response.end('<html>proxy</html>'), /unreadable answer/],
    ['JSON without sentences', (_request: IncomingMessage, response: ServerResponse) => response.end('{"corefs":{}}'), /no sentence list/],
    ['no answer in time', () => undefined, /did not answer within 300 ms/],
  ] as Array<[string, Handler, RegExp]>)('reports %s as the service being unavailable', async (_case, handler, message) => {
    const url = await serve(handler);
    const failure = await new CoreNlpClient(url, 300).annotate('text').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NlpUnavailableError);
    expect((failure as Error).message).toMatch(message);
  });

  it('reports a service that is not listening as unavailable', async () => {
    const url = await serve(() => undefined);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(new CoreNlpClient(url, 5000).annotate('text')).rejects.toThrow(/could not be reached/);
  });

  it("passes the caller's own abort on as it is", async () => {
    const url = await serve(() => undefined);
    const caller = new AbortController();
    const call = new CoreNlpClient(url, 5000).annotate('text', { signal: caller.signal });
    caller.abort(new Error('request cancelled'));
    await expect(call).rejects.toThrow('request cancelled');
  });
});
