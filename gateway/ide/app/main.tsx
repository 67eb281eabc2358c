/**
 * The analysts' IDE (分析人员 IDE): GraphiQL 5 over this gateway's `/graphql`, bundled at build time
 * (gateway/ide/buildIde.ts) so the page needs nothing but the gateway's own origin. It opens with the
 * schema's documentation (the contract's Chinese and English descriptions), one tab per saved example,
 * and the request headers editor showing where a bearer token goes.
 */
import './setupMonacoWorkers.ts';
import 'graphiql/style.css';
import './ide.css';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HEADERS_TEMPLATE, ideExamples } from './examples.ts';
import { headerlessStorage, type KeyValueStorage } from './headerlessStorage.ts';
import { ideFetcher } from './liveFetcher.ts';

const examples = ideExamples(new Date());
const tabs = examples.map(({ query, variables }) => ({ query, variables: JSON.stringify(variables, null, 2), headers: HEADERS_TEMPLATE }));
const root = document.getElementById('ide');
if (!root) throw new Error('index.html has no #ide element');

/**
 * GraphiQL 5.4 fills the first tab's operation editor from `defaultTabs` but leaves its variables
 * editor empty (its provider takes the initial variables from storage only), so the first example
 * would run without its variables. On a first visit (no saved tabs yet) the first tab's contents are
 * therefore also given as the editors' initial contents; later visits restore the analyst's own tabs.
 */
function firstVisitEditors(): { initialQuery?: string; initialVariables?: string } {
  let saved: string | null = null;
  try {
    saved = window.localStorage.getItem('graphiql:tabState');
  } catch {
    // storage blocked: every visit is a first visit
  }
  return saved === null ? { initialQuery: tabs[0]!.query, initialVariables: tabs[0]!.variables } : {};
}

/** The browser's localStorage without headers (headerlessStorage.ts); none at all when storage is blocked. */
function ideStorage(): KeyValueStorage | undefined {
  try {
    return headerlessStorage(window.localStorage);
  } catch {
    return undefined;
  }
}

createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={ideFetcher}
      defaultTabs={tabs}
      {...firstVisitEditors()}
      defaultHeaders={HEADERS_TEMPLATE}
      defaultEditorToolsVisibility="headers"
      // A pasted token stays in this tab only: never written to the browser's storage (nor by the history).
      shouldPersistHeaders={false}
      storage={ideStorage()}
      visiblePlugin="Documentation Explorer"
    >
      <GraphiQL.Logo>
        <span className="ide-logo" title="成渝地区双城经济圈生态环境数据联邦 · Chengdu–Chongqing environmental data federation">
          成渝生态数据联邦 <small>分析人员 IDE</small>
        </span>
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
