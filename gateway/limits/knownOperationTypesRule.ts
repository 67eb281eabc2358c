/**
 * The GraphQL spec's "Operation Type Existence" rule (§5.2.1.1 in the October 2021 draft; graphql-js
 * 17's KnownOperationTypesRule), which graphql-js 16 does not ship: an operation whose type the schema
 * has no root for (`mutation`, `subscription` while the graph has none) is a validation error, so the
 * client gets HTTP 400 GRAPHQL_VALIDATION_FAILED with the spec's message instead of an execution
 * failure deep in the gateway.
 */
import { GraphQLError, type ASTVisitor, type ValidationRule } from 'graphql';

export const knownOperationTypesRule: ValidationRule = (context): ASTVisitor => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return false;
    context.reportError(new GraphQLError(`The ${node.operation} operation is not supported by the schema.`, { nodes: node }));
    return false;
  },
});
