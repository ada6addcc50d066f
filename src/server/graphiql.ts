/**
 * What GraphiQL shows on first open: one operation per query of the API,
 * each runnable on the seed graph (pick it with the run button's menu).
 */
export const GRAPHIQL_DEFAULT_QUERY = `# newsgraph: who did what with whom, where, and who reported it.
# Each operation below runs on the seed graph (the 2021-08-03 article on the
# China-Russia exercise Zapad/Interaction-2021). Pick one with the run button.

query Commander {
  entity(id: "liu-xiaowu") {
    name
    ... on Person { title }
    relations(first: 10) {
      totalCount
      edges { node { type role from { name } to { name } reportedBy { quote source { name } } } }
    }
    reportedBy { quote reportedAt source { name kind } document { title } attributedTo { name } }
  }
}

query HowSure {
  entity(id: "zapad-interaction-2021") {
    name sourceCount independentSourceCount firstReportedAt lastReportedAt status disputed
    alternatives { property value preferred independentSourceCount sources { name } }
    reportedBy { origin source { name } quote }
  }
}

query EntitiesByType {
  entities(type: ORGANIZATION, first: 5) {
    totalCount
    edges { cursor node { id name aliases } }
    pageInfo { hasNextPage endCursor }
  }
}

query Search {
  search(query: "Zapad/Interaction", first: 5) { score entity { id name __typename } }
}

query Neighborhood {
  neighborhood(id: "zapad-interaction-2021", depth: 2, limit: 50) {
    truncated
    nodes { id name __typename }
    relations { type role from { id } to { id } }
  }
}

query PathToRussia {
  shortestPath(from: "liu-xiaowu", to: "russia", maxHops: 6) {
    length
    nodes { name }
    relations { type reportedBy { quote source { name } } }
  }
}

query Timeline {
  timeline(from: "2021", to: "2021-12") { name startDate endDate }
}

query WhatGlobalTimesReported {
  source(id: "global-times") {
    name kind
    reports(first: 10) { totalCount edges { node { quote reportedAt document { title } } } }
  }
}

query Sources {
  sources(first: 20) { totalCount edges { node { id name kind } } }
}

query Stats {
  stats { entities relations entitiesByType { type count } relationsByType { type count } }
}
`;
