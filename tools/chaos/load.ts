/** A mixed load: writers upsert new entities and relations between them, readers search and open entities. */

export interface LoadState {
  port: number;
  editorKey: string;
  stop: boolean;
  acknowledgedEntities: string[];
  acknowledgedRelations: Array<{ from: string; to: string }>;
  reads: number;
  refused: Map<string, number>;
}

async function post(
  state: LoadState,
  query: string,
  variables: Record<string, unknown>,
  key?: string,
): Promise<{ data?: Record<string, unknown>; errors?: Array<{ extensions?: { code?: string } }> }> {
  try {
    const response = await fetch(`http://127.0.0.1:${state.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    return (await response.json()) as { data?: Record<string, unknown> };
  } catch (error) {
    return { errors: [{ extensions: { code: `NO_ANSWER (${(error as Error).name})` } }] };
  }
}

function countRefusal(state: LoadState, answer: { errors?: Array<{ extensions?: { code?: string } }> }): void {
  const code = answer.errors?.[0]?.extensions?.code ?? 'NO_DATA';
  state.refused.set(code, (state.refused.get(code) ?? 0) + 1);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function writer(state: LoadState, name: string): Promise<void> {
  for (let n = 0; !state.stop; n += 1) {
    const id = `chaos-${name}-${n}`;
    const entity = await post(
      state,
      'mutation($i: EntityInput!) { upsertEntity(input: $i) { id } }',
      { i: { id, type: 'ORGANIZATION', name: `Chaos ${name} ${n}` } },
      state.editorKey,
    );
    if ((entity.data?.upsertEntity as { id?: string } | undefined)?.id === id && !entity.errors) state.acknowledgedEntities.push(id);
    else {
      countRefusal(state, entity);
      await pause(200);
      continue;
    }
    const previous = state.acknowledgedEntities[Math.floor(Math.random() * state.acknowledgedEntities.length)]!;
    if (previous === id) continue;
    const relation = await post(
      state,
      'mutation($i: RelationInput!) { upsertRelation(input: $i) { id } }',
      { i: { type: 'MEMBER_OF', from: id, to: previous } },
      state.editorKey,
    );
    if (relation.data?.upsertRelation && !relation.errors) state.acknowledgedRelations.push({ from: id, to: previous });
    else countRefusal(state, relation);
  }
}

export async function reader(state: LoadState): Promise<void> {
  while (!state.stop) {
    const id = state.acknowledgedEntities[Math.floor(Math.random() * state.acknowledgedEntities.length)] ?? 'liu-xiaowu';
    const answer = await post(
      state,
      'query($id: ID!) { entity(id: $id) { id relations(first: 10) { totalCount } } search(query: "Chaos", first: 5) { score } }',
      { id },
    );
    if (answer.errors) {
      countRefusal(state, answer);
      await pause(200);
    } else state.reads += 1;
  }
}
