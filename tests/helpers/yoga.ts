import type { NewsgraphYoga } from '../../src/server/yoga.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

/** One GraphQL operation through `yoga.fetch`, in-process. */
export async function gql<T = Record<string, unknown>>(
  yoga: NewsgraphYoga,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await yoga.fetch('http://newsgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/**
 * `/ready`'s status once the service has had time to warm up: it answers 503
 * until the first warm-up after start has run (src/server/readiness.ts).
 */
export async function settledReadyStatus(probe: () => Promise<number>, limitMs = 120_000): Promise<number> {
  const started = Date.now();
  let status = await probe();
  while (status !== 200 && Date.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = await probe();
  }
  return status;
}
