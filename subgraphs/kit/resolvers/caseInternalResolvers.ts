/**
 * The fields of a case that only its parties' officers may read (mayReadCaseInternals): evidence
 * and violation facts always, the penalty (types, basis, fine) until the decision is published.
 * For anyone else each such field is null with FORBIDDEN (path and `extensions.city` are set by
 * the error boundary), and the rest of the case is served.
 */
import { ERRORS } from '../../../schema/errors.ts';
import { CASES_INTERNAL_SCOPE, mayReadCaseInternals } from '../access/mayReadCaseInternals.ts';
import type { CityContext } from '../CityContext.ts';
import type { CaseRecord } from '../model.ts';

type InternalField = 'evidence' | 'violationFacts' | 'penaltyTypes' | 'penaltyBasis' | 'fineYuan';

/** Internal until published: once the decision is public, so is the penalty (《行政处罚法》第四十八条). */
const UNTIL_PUBLISHED: ReadonlySet<InternalField> = new Set(['penaltyTypes', 'penaltyBasis', 'fineYuan']);

function guarded(field: InternalField) {
  return (c: CaseRecord, _args: unknown, ctx: CityContext) => {
    if ((UNTIL_PUBLISHED.has(field) && c.published) || mayReadCaseInternals(c, ctx.caller)) return c[field];
    // Thrown, not returned: graphql-js sets the path; the message names no case data.
    throw ERRORS.FORBIDDEN.err(
      `EnforcementCase.${field} is shown only to officers of the bureau handling the case or of its joint partners ` +
      `(scope ${CASES_INTERNAL_SCOPE}).`,
      { extensions: { reason: 'not-case-party', field: `EnforcementCase.${field}` } },
    );
  };
}

export function caseInternalResolvers() {
  return {
    evidence: guarded('evidence'),
    violationFacts: guarded('violationFacts'),
    penaltyTypes: guarded('penaltyTypes'),
    penaltyBasis: guarded('penaltyBasis'),
    fineYuan: guarded('fineYuan'),
  };
}
