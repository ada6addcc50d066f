import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GRAPHIQL_DEFAULT_QUERY } from '../../src/server/graphiql.js';
import { seededApi } from '../helpers/api.js';

const api = seededApi();

const operations = parse(GRAPHIQL_DEFAULT_QUERY)
  .definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')
  .map((operation) => operation.name!.value);

describe('GraphiQL example operations', () => {
  it('cover every query of the contract', () => {
    const fields = new Set(
      parse(GRAPHIQL_DEFAULT_QUERY).definitions.flatMap((definition) =>
        definition.kind === 'OperationDefinition' ? definition.selectionSet.selections.map((selection) => (selection.kind === 'Field' ? selection.name.value : '')) : [],
      ),
    );
    for (const field of ['entity', 'entities', 'search', 'neighborhood', 'shortestPath', 'timeline', 'source', 'sources', 'stats']) expect(fields).toContain(field);
  });

  it.each(operations)('%s runs on the seed graph with a non-empty answer', async (operationName) => {
    const response = await api.yoga.fetch('http://newsgraph.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: GRAPHIQL_DEFAULT_QUERY, operationName }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const answer = Object.values(body.data ?? {})[0];
    expect(answer).not.toBeNull();
    expect(JSON.stringify(answer)).not.toMatch(/^\[\]$|"totalCount":0/);
  });
});
