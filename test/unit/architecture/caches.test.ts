import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT, sourceFiles } from './imports';

/**
 * The one cache policy (docs/architecture.md, "Caches"): a module-level cache is an `LruCache`
 * of bounded size, or a `WeakMap` that goes with what it is keyed by. An empty `Map` or `Set`
 * created at module level can only grow: that is a cache without a bound.
 */
function unboundedModuleCaches(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (!init || !ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) continue;
      if (['Map', 'Set'].includes(init.expression.text) && (init.arguments?.length ?? 0) === 0) {
        found.push(`${file}: ${declaration.name.getText(source)}`);
      }
    }
  }
  return found;
}

describe('architecture: caches', () => {
  it('keeps no unbounded module-level Map or Set in server/src', () => {
    assert.deepEqual(sourceFiles('server/src').flatMap(unboundedModuleCaches), []);
  });
});
