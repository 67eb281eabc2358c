/** What logs, metrics and traces record of a finished request: its operation name and type, ok/error, error codes. */
import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { getOperationAST, type OperationDefinitionNode, type OperationTypeNode } from 'graphql';

export interface RequestOutcome {
  /**
   * The operation's name; '(anonymous)' when it has none, '(none)' if the document did not parse or
   * does not pick one operation.
   */
  readonly operationName: string;
  /** query, mutation or subscription; null when no single operation was picked (see operationName). */
  readonly operationType: OperationTypeNode | null;
  readonly outcome: 'ok' | 'error';
  readonly errorCodes: readonly string[];
}

/** Operation names are client input: cap them so logs and metric labels stay bounded. */
const MAX_NAME = 64;

export function readOutcome(requestContext: GraphQLRequestContextWillSendResponse<object>): RequestOutcome {
  // A document that parsed but failed validation has no resolved operation; its name is still known.
  const operation = requestContext.operation ?? (requestContext.document && getOperationAST(requestContext.document, requestContext.request.operationName));
  const name = operation ? nameOf(operation) : '(none)';
  const { body } = requestContext.response;
  const errors = (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? requestContext.errors ?? [];
  const codes = new Set(errors.map((e) => String(e.extensions?.['code'] ?? 'UNKNOWN')));
  return { operationName: name.slice(0, MAX_NAME), operationType: operation?.operation ?? null, outcome: errors.length > 0 ? 'error' : 'ok', errorCodes: [...codes] };
}

/** The outcome of a request that answered this operation without an error. */
export function okOutcome(operation: OperationDefinitionNode): RequestOutcome {
  return { operationName: nameOf(operation).slice(0, MAX_NAME), operationType: operation.operation, outcome: 'ok', errorCodes: [] };
}

function nameOf(operation: OperationDefinitionNode): string {
  return operation.name?.value ?? '(anonymous)';
}
