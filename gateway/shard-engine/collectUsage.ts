import { Kind, visit, type ASTNode, type FragmentDefinitionNode } from 'graphql';

export interface Usage {
  readonly variables: ReadonlySet<string>;
  readonly fragments: ReadonlySet<string>;
}

/**
 * The variables and named fragments a root field needs, following fragment spreads transitively: a
 * per-bureau document keeps exactly these, because unused ones make it invalid (GraphQL spec
 * §5.5.1.4 Fragments Must Be Used, §5.8.4 All Variables Used).
 */
export function collectUsage(node: ASTNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Usage {
  const variables = new Set<string>();
  const used = new Set<string>();
  const pending: ASTNode[] = [node];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    visit(next, {
      [Kind.VARIABLE]: (v) => void variables.add(v.name.value),
      [Kind.FRAGMENT_SPREAD]: (spread) => {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (used.has(name) || !fragment) return;
        used.add(name);
        pending.push(fragment);
      },
    });
  }
  return { variables, fragments: used };
}
