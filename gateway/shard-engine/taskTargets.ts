import { afterVariable, representationsVariable } from './rewriteRootField.ts';
import type { RootTask, TaskTargets } from './RootTask.ts';

/** The bureaus a task asks, with the `__shard_` variable values each one gets (its cursor, its share). */
export function taskTargets(task: RootTask): TaskTargets {
  switch (task.kind) {
    case 'local':
      return new Map();
    case 'route':
      return new Map([[task.city, {}]]);
    case 'list':
      return new Map(task.cities.map((city) => [city, {}]));
    case 'connection': {
      const variable = afterVariable(task.key);
      return new Map([...task.page.asked].map(([city, after]) => [city, { [variable]: after }]));
    }
    case 'entities': {
      const variable = representationsVariable(task.key);
      const { uniques, sent } = task.plan;
      return new Map([...sent].map(([city, ids]) => [city, { [variable]: ids.map((id) => uniques[id]?.representation) }]));
    }
    default:
      return task satisfies never;
  }
}
