/** What GraphiQL shows on first open: operations that run on the seed graph. */
export const GRAPHIQL_DEFAULT_QUERY = `# Welcome to newsgraph: a knowledge graph of what the news reported, and who said so.

query Stats {
  stats {
    entities
    relations
    entitiesByType { type count }
    relationsByType { type count }
  }
}
`;
