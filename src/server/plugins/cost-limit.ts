import { getOperationAST } from 'graphql';
import { createGraphQLError, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import type { GraphContext } from '../../context.js';
import { COST_MODEL } from '../../schema/support/cost-model.js';
import { queryCost } from '../cost/query-cost.js';

export interface CostBudgets {
  /** For callers with an API key or token. */
  authenticated: number;
  /** For anonymous callers; never more than `authenticated`. */
  anonymous: number;
}

function tooExpensive(cost: number, limit: number, anonymous: boolean) {
  const whose = anonymous ? ' for callers without an API key' : '';
  return createGraphQLError(
    `The request's estimated cost is ${cost}, over the limit of ${limit}${whose}. ` +
      'Ask for less: a smaller limit, depth, first or maxHops, fewer aliases, fewer nested lists (docs/security.md explains the cost).',
    // Refused before execution, like a validation error: 400 for clients that accept application/graphql-response+json.
    { extensions: { code: 'COST_LIMIT_EXCEEDED', cost, limit, http: { spec: true, status: 400 } } },
  );
}

/**
 * Refuses an operation whose estimated cost (src/schema/support/cost-model.ts) is over
 * the caller's budget, before any resolver runs. It runs at execution rather
 * than validation because the estimate needs the variables (a `limit: $n`
 * costs what $n says) and the caller (budgets differ by role). The cost of an
 * operation let through goes to `onAdmitted` (the rate limit counts it).
 */
export function useCostLimit(budgets: CostBudgets, onAdmitted: (request: Request, cost: number) => void = () => {}): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // Execution always runs with the context built by createContext.
      const { viewer, log } = args.contextValue as unknown as GraphContext;
      const anonymous = viewer.role === null;
      const limit = anonymous ? budgets.anonymous : budgets.authenticated;
      const cost = queryCost(args.schema, { document: args.document, operationName: args.operationName, variables: args.variableValues }, COST_MODEL);
      if (cost === null) return;
      if (cost <= limit) {
        // Yoga's own part of the context: the HTTP request, which the rate limit knows its client by.
        onAdmitted((args.contextValue as unknown as YogaInitialContext).request, cost);
        return;
      }
      const operation = getOperationAST(args.document, args.operationName)?.name?.value;
      log.info({ cost, limit, operation }, 'request refused: over the cost limit');
      setResultAndStopExecution({ errors: [tooExpensive(cost, limit, anonymous)] });
    },
  };
}
