/**
 * The structural caps as a validation rule that runs BEFORE the expensive rules. Apollo Server
 * validates with `[...specifiedRules, ...validationRules]` in one parallel visit, so a rule of ours
 * cannot run first by position. It runs first by node instead: on entering the Document (before
 * any selection set, where OverlappingFieldsCanBeMergedRule does its pairwise work) it measures
 * the whole document; if a cap is exceeded it reports the refusal and hands the visitor an empty
 * document in place of the real one (graphql-js `visit`: a node returned from `enter` replaces the
 * node and is what gets traversed), so no other rule walks the oversized selections. Measured: a
 * 5000-token alias-conflict document takes > 1 s in validation, and 2 ms when refused here.
 *
 * Apollo wraps every validation error as GRAPHQL_VALIDATION_FAILED; restoreLimitCode puts the
 * code back at the error boundary. Validation results are cached by document, so this runs once
 * per distinct document.
 */
import { Kind, type ASTVisitor, type DocumentNode, type ValidationRule } from 'graphql';
import { checkOperationLimits } from './checkOperationLimits.ts';
import type { OperationLimits } from './OperationLimits.ts';

const NOTHING_LEFT: DocumentNode = Object.freeze({ kind: Kind.DOCUMENT, definitions: Object.freeze([]) });

export function createOperationLimitsRule(limits: OperationLimits): ValidationRule {
  return (context): ASTVisitor => ({
    Document(document) {
      const refusal = checkOperationLimits(document, limits);
      if (!refusal) return undefined;
      context.reportError(refusal);
      return NOTHING_LEFT;
    },
  });
}
