/**
 * The contract's time scalars. Records keep epoch milliseconds; clients see ISO 8601 with the
 * +08:00 offset (China Standard Time has no daylight saving), and must send an explicit offset,
 * because a bare local time is ambiguous between bureaus' systems.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatCst } from '../../schema/formatCst.ts';

export { formatCst } from '../../schema/formatCst.ts';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** ISO 8601 with an offset → epoch ms, or null when it is not one. */
export function parseIsoWithOffset(text: string): number | null {
  if (!ISO_WITH_OFFSET.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

export const DateTimeScalar = new GraphQLScalarType<number, string>({
  name: 'DateTime',
  serialize(value) {
    if (typeof value === 'number' && Number.isFinite(value)) return formatCst(value);
    throw new GraphQLError(`DateTime cannot represent ${String(value)}.`);
  },
  parseValue(value) {
    const ms = typeof value === 'string' ? parseIsoWithOffset(value) : null;
    if (ms === null) {
      throw new GraphQLError(`DateTime must be ISO 8601 with an offset, e.g. 2024-03-15T09:00:00+08:00; got ${JSON.stringify(value)}.`);
    }
    return ms;
  },
  parseLiteral(ast) {
    const ms = ast.kind === Kind.STRING ? parseIsoWithOffset(ast.value) : null;
    if (ms === null) {
      throw new GraphQLError('DateTime must be ISO 8601 with an offset, e.g. "2024-03-15T09:00:00+08:00".', { nodes: ast });
    }
    return ms;
  },
});

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize(value) {
    if (typeof value === 'string' && isRealDate(value)) return value;
    throw new GraphQLError(`Date cannot represent ${String(value)}.`);
  },
  parseValue(value) {
    if (typeof value === 'string' && isRealDate(value)) return value;
    throw new GraphQLError(`Date must be YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isRealDate(ast.value)) return ast.value;
    throw new GraphQLError('Date must be a "YYYY-MM-DD" string.', { nodes: ast });
  },
});
