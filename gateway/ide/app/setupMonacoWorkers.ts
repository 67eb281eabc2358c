/**
 * Monaco's web workers, bundled with the IDE and served from the gateway's own origin: the editor
 * worker (diffs, links), the JSON worker (variables and headers editors) and monaco-graphql's worker
 * (validation, completion against the schema). Nothing is loaded from a CDN, so the page works on an
 * isolated network and under `script-src 'self'` (Vite emits each `?worker` import as its own
 * hashed file and starts it with `new Worker(url)`, no blob: or data: URL).
 *
 * Imported first by main.tsx: Monaco reads `self.MonacoEnvironment` when it starts its first worker.
 */
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

// `self.MonacoEnvironment` is typed by monaco-editor itself (editor.api.d.ts declares it on Window).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
};
