import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseForConfig } from '../../../server/src/engine/analyze';
import { analyseApiText, gatherApiFiles, loadValidator, type GatherApiOptions } from '../../../server/src/fs/api-files';
import { workerValidator, type ApiTextValidator } from '../../../server/src/fs/api-worker';
import { nodeHost } from '../../../server/src/host/node-host';
import { AnalysisService } from '../../../server/src/lsp/analysis';
import type { DocumentConfig } from '../../../server/src/lsp/workspace';
import * as fixtures from './fixtures';
import { Project } from './project';
import { perTest } from '../helpers';

const SPEC = '# Refunds\n\n## API contract\n\nThe contract is [the OpenAPI file](api/openapi.yaml).\n';

/** A validator whose answers the test releases one by one (a release may come first), counting the texts it was given. */
function heldValidator() {
  const held: Array<() => void> = [];
  const texts: string[] = [];
  let released = 0;
  const validator: ApiTextValidator = (text, at, named) => {
    texts.push(text);
    return new Promise((resolve, reject) => {
      held.push(() => void analyseApiText(text, at, named).then(resolve, reject));
      if (released > 0) {
        released--;
        held.shift()?.();
      }
    });
  };
  const release = () => {
    const next = held.shift();
    if (next) next();
    else released++;
  };
  return { validator, texts, release };
}

describe('linked API files validated in the background', function () {
  this.timeout(60_000);
  let project: Project;
  perTest(() => (project = new Project()));

  const gather = (options: GatherApiOptions) => {
    const file = path.join(project.root, 'refunds.spec.md');
    return gatherApiFiles(parseForConfig(SPEC, pathToFileURL(file).href), file, { projectRoot: project.root, host: nodeHost, cache: project.cache, ...options });
  };

  it('answers without a file still being validated, then with it; a caller that waits gets it at once', async () => {
    const file = project.write('api/openapi.yaml', fixtures.REFUNDS_OPENAPI);
    const { validator, texts, release } = heldValidator();
    const pending: Array<{ at: string; ready: Promise<unknown> }> = [];
    const first = await gather({ validator, onPending: (at, ready) => pending.push({ at, ready }) });
    assert.equal(first.size, 0);
    assert.deepEqual(pending.map((item) => item.at), [file]);
    // Asked again while it runs: the same validation, not a second one.
    const again = await gather({ validator, onPending: (at, ready) => pending.push({ at, ready }) });
    assert.equal(again.size, 0);
    assert.equal(pending[1].ready, pending[0].ready);
    release();
    await pending[0].ready;
    const ready = await gather({ validator, onPending: () => assert.fail('nothing is pending any more') });
    assert.deepEqual(ready.get('api/openapi.yaml')?.operations.map((operation) => `${operation.method} ${operation.path}`), ['POST /refunds', 'GET /refunds/{id}']);
    assert.equal(texts.length, 1);

    // The file changes: the last version finished is used until the new one is validated.
    project.write('api/openapi.yaml', fixtures.NO_DESCRIPTION_OPENAPI);
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const stale = await gather({ validator, onPending: (at, done) => pending.push({ at, ready: done }) });
    assert.deepEqual(stale.get('api/openapi.yaml')?.problems, []);
    assert.equal(pending.length, 3);
    // A caller that does not go on without the file (the CLI) waits for the same validation.
    const waited = gather({ validator });
    release();
    assert.match(String((await waited).get('api/openapi.yaml')?.problems[0]?.message), /description/);
    assert.equal(texts.length, 2);
  });

  it('a new modification time with the same text is not validated again', async () => {
    const file = project.write('api/openapi.yaml', fixtures.REFUNDS_OPENAPI);
    const { validator, texts, release } = heldValidator();
    const first = gather({ validator });
    release();
    await first;
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = await gather({ validator });
    assert.equal(texts.length, 1);
    assert.equal(second.get('api/openapi.yaml')?.operations.length, 2);
  });

  it('the worker thread gives the same description as this thread, with a working example validator', async () => {
    const at = path.join(project.root, 'api', 'openapi.yaml');
    const worker = workerValidator(loadValidator);
    try {
      await checkWorker(worker, at);
    } finally {
      await worker.close();
    }
  });

  async function checkWorker(worker: ApiTextValidator, at: string): Promise<void> {
    const onWorker = await worker(fixtures.REFUNDS_OPENAPI, at, true);
    const here = await analyseApiText(fixtures.REFUNDS_OPENAPI, at, true);
    const { validate: workerValidate, ...workerDescription } = onWorker ?? {};
    const { validate: localValidate, ...localDescription } = here ?? {};
    assert.deepEqual(workerDescription, localDescription);
    const example = { paymentId: 'p_1', amount: 0, note: 'x' };
    assert.deepEqual(workerValidate?.('/components/schemas/RefundRequest', example), localValidate?.('/components/schemas/RefundRequest', example));
    assert.equal((await worker('openapi: [', at, true))?.problems[0]?.code, 'syntax');
  }

  it('the server forgets an analysis made without a file still being validated, and says when the file is done', async () => {
    project.write('api/openapi.yaml', fixtures.REFUNDS_OPENAPI);
    const { validator, release } = heldValidator();
    const ready: string[] = [];
    let done: () => void = () => undefined;
    const notified = new Promise<void>((resolve) => { done = resolve; });
    const service = new AnalysisService(nodeHost, { error: (message) => assert.fail(message) }, { validator, onReady: (uri) => { ready.push(uri); done(); } });
    const uri = pathToFileURL(project.write('refunds.spec.md', SPEC)).href;
    const config = { configVersion: 1, projectRoot: project.root, maxFileSizeKB: 1024 } as unknown as DocumentConfig;
    const snapshot = { uri, version: 1, text: SPEC };
    const first = await service.analyse(snapshot, config);
    assert.equal(first.kind === 'analysed' && first.result.apiFiles?.size, 0);
    assert.equal(service.cached(uri, 1), first);
    release();
    await notified;
    assert.deepEqual(ready, [uri]);
    assert.equal(service.cached(uri, 1), undefined);
    const second = await service.analyse(snapshot, config);
    assert.equal(second.kind === 'analysed' && second.result.apiFiles?.size, 1);
  });
});
