import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { CoreNlpClient, NlpInputError, NlpUnavailableError } from '../../src/nlp/corenlp-client.js';
import { checkJavaForCoreNlp, startCoreNlpService } from '../../src/nlp/corenlp-service.js';
import { NlpEngine } from '../../src/nlp/nlp-engine.js';

const javaPresent = (() => {
  try {
    checkJavaForCoreNlp();
    return true;
  } catch {
    return false;
  }
})();

// The emoji takes two UTF-16 units: offsets after it show whether CoreNLP's offsets match JavaScript's.
const TEXT =
  'BEIJING 🙂 Chinese Defense Ministry spokesperson Wu Qian said Chinese and Russian troops would train together in August. ' +
  '"The exercise went well," Wu told reporters. He added that Russia had sent 2,000 soldiers.';

/** The addresses listening on `port`, from the kernel's tables; an IPv4-mapped IPv6 address reads as its IPv4 form. */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const ipv4 = (hex: string) =>
    hex
      .match(/../g)!
      .reverse()
      .map((byte) => parseInt(byte, 16))
      .join('.');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => {
        const hex = fields[1]!.split(':')[0]!;
        if (hex.length === 8) return ipv4(hex);
        return hex.startsWith('0000000000000000FFFF0000') ? ipv4(hex.slice(24)) : `ipv6:${hex}`;
      }),
  );
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!javaPresent)('the local CoreNLP service, through the engine the API holds', () => {
  let starts = 0;
  const engine = new NlpEngine({
    requestTimeoutMs: 120_000,
    service: { heap: loadConfig({}).nlp.heap, startTimeoutMs: 300_000 },
    log: createLogger('warn'),
    startService: (options) => (starts++, startCoreNlpService(options)),
  });
  let url: string;

  beforeAll(async () => {
    expect(engine.state).toBe('idle');
    // Two first calls at once share one start.
    const [first, second] = await Promise.all([engine.serviceUrl(), engine.serviceUrl()]);
    expect(second).toBe(first);
    expect(starts).toBe(1);
    expect(engine.state).toBe('ready');
    url = first;
  }, 330_000);
  afterAll(() => engine.stop());

  it('annotates tokens, entities, coreference, quotes, and anchors "in August" to the document date', async () => {
    const document = await engine.annotate(TEXT, { date: '2021-08-03' });
    const tokens = document.sentences.flatMap((sentence) => sentence.tokens);
    expect(tokens.length).toBeGreaterThan(30);
    for (const token of tokens) expect(TEXT.slice(token.characterOffsetBegin, token.characterOffsetEnd)).toBe(token.originalText);

    const mentions = document.sentences.flatMap((sentence) => sentence.entitymentions);
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Wu Qian', ner: 'PERSON' }));
    const august = mentions.find((mention) => mention.text === 'August');
    expect(august).toMatchObject({ ner: 'DATE', normalizedNER: '2021-08' });
    expect(august?.timex?.value).toBe('2021-08');

    const wuChain = Object.values(document.corefs).find((chain) => chain.some((mention) => mention.text.includes('Wu Qian')));
    expect(wuChain?.map((mention) => mention.text)).toEqual(expect.arrayContaining(['Wu', 'He']));
    expect(document.quotes?.[0]).toMatchObject({ text: '"The exercise went well,"' });
    expect(TEXT.slice(document.quotes![0]!.beginIndex, document.quotes![0]!.endIndex)).toBe('"The exercise went well,"');

    // Only the fields the rules read travel on: the enhanced graph and per-token extras are dropped.
    expect(Object.keys(document.sentences[0]!)).not.toContain('enhancedDependencies');
    expect(Object.keys(tokens[0]!)).not.toContain('speaker');
  });

  it('anchors the same words to another date when given one', async () => {
    const document = await engine.annotate('The talks resumed in August.', { date: '2019-12-01' });
    expect(document.sentences[0]!.entitymentions.find((mention) => mention.text === 'August')?.normalizedNER).toBe('2019-08');
  });

  it('listens on 127.0.0.1 only', async () => {
    const port = Number(new URL(url).port);
    expect(listeningAddresses(port)).toEqual(['127.0.0.1']);
    const outward = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4');
    if (outward) expect(await connects(outward.address, port)).toBe(false);
    expect(await connects('127.0.0.1', port)).toBe(true);
  });

  it('refuses a date that is not a calendar date with 400 and a JSON error', async () => {
    const response = await fetch(`${url}/annotate?date=2021-02-30`, { method: 'POST', body: 'Text.' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/date/);
    await expect(engine.annotate('Text.', { date: '03/08/2021' })).rejects.toBeInstanceOf(NlpInputError);
  });

  it('refuses a body over 2 MB with 413, which the client reports as bad input', async () => {
    const oversized = 'word '.repeat(450_000);
    const response = await fetch(`${url}/annotate`, { method: 'POST', body: oversized });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/larger than 2097152 bytes/) });
    await expect(engine.annotate(oversized, {})).rejects.toMatchObject({ name: 'NlpInputError', status: 413 });
  });

  it('answers every one of several parallel requests with its own text', async () => {
    const names = ['Anna Berg', 'Tomas Lind', 'Maria Costa', 'Kenji Sato', 'Amara Okafor', 'Lucas Meyer'];
    const documents = await Promise.all(names.map((name) => engine.annotate(`${name} arrived in Paris on Monday.`, { date: '2024-05-06' })));
    expect(documents.map((document) => document.sentences[0]!.entitymentions[0]?.text)).toEqual(names);
  });

  it('starts a new service on the next call after the service was killed', async () => {
    const killed = engine.localPid!;
    process.kill(killed, 'SIGKILL');
    while (engine.state === 'ready') await new Promise((resolve) => setTimeout(resolve, 50));
    expect(engine.state).toBe('idle');
    const document = await engine.annotate('Wu Qian spoke in Beijing.', {});
    expect(document.sentences[0]!.entitymentions[0]).toMatchObject({ text: 'Wu Qian', ner: 'PERSON' });
    expect(engine.localPid).not.toBe(killed);
    expect(starts).toBe(2);
  }, 330_000);

  it('leaves no process once stopped, and refuses later calls as unavailable', async () => {
    const pid = engine.localPid!;
    expect(alive(pid)).toBe(true);
    await engine.stop();
    expect(alive(pid)).toBe(false);
    await expect(engine.annotate('Too late.', {})).rejects.toBeInstanceOf(NlpUnavailableError);
  });
});

describe.skipIf(!javaPresent && !process.env.NEWSGRAPH_CORENLP_URL)("the run's shared service, which other test files use", () => {
  it('annotates through the URL the global setup provides (its first request starts the service)', async () => {
    const client = new CoreNlpClient(inject('corenlpUrl'), 300_000);
    const document = await client.annotate('Anna Berg visited Oslo in August.', { date: '2021-08-03' });
    expect(document.sentences[0]!.entitymentions.map((mention) => [mention.text, mention.ner])).toEqual(
      expect.arrayContaining([
        ['Anna Berg', 'PERSON'],
        ['Oslo', 'CITY'],
        ['August', 'DATE'],
      ]),
    );
  }, 330_000);
});
