/**
 * Validates linked API description files on a worker thread, so that a large file does not
 * stop the language server from answering while it is parsed and validated (about a second
 * for a 5,000-line OpenAPI file). The worker runs the validator bundle itself (api-validator.js,
 * which serves requests when started as a worker) and hands back plain data; the example
 * validator, a function, is rebuilt on this side from the parsed document it sends along.
 * One worker per process, started on first use and not keeping the process alive; requests
 * are answered in order. If the worker dies, the requests under way fail (the caller reports
 * that on the link) and the next request starts a new one.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ApiDescription } from '../model/api-description';
import type * as Validator from './api-validator';
import { API_WORKER_MARK, type ApiWorkerReply, type ApiWorkerRequest, type PlainApiDescription, type ReferencedFiles } from './api-worker-protocol';

/** Parses and validates one file's text: in this thread (the CLI) or on a worker (the server). */
export type ApiTextValidator = (text: string, absolutePath: string, named: boolean, files?: ReferencedFiles) => Promise<Omit<ApiDescription, 'key'> | undefined>;

interface Pending {
  resolve: (value: Omit<ApiDescription, 'key'> | undefined) => void;
  reject: (error: Error) => void;
}

/** A validator that sends each file to a worker thread; `load` gives the validator module for rebuilding example validators. */
export function workerValidator(load: () => typeof Validator, script = path.join(__dirname, 'api-validator.js')): ApiTextValidator & { close(): Promise<void> } {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const request of pending.values()) request.reject(error);
    pending.clear();
    worker = undefined;
  };
  const start = (): Worker => {
    const started = new Worker(script, { workerData: API_WORKER_MARK });
    started.unref();
    started.on('message', (reply: ApiWorkerReply) => {
      const request = pending.get(reply.id);
      if (!request) return;
      pending.delete(reply.id);
      if (reply.error !== undefined) request.reject(new Error(reply.error));
      else request.resolve(reply.described && withLazyValidator(reply.described, load));
    });
    started.on('error', (error) => {
      if (worker === started) failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) failAll(new Error(`the validator stopped (exit code ${code})`));
    });
    return started;
  };
  const validate: ApiTextValidator = (text, absolutePath, named, files) => new Promise((resolve, reject) => {
    worker ??= start();
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const request: ApiWorkerRequest = { id, text, path: absolutePath, named, ...(files ? { files } : {}) };
    worker.postMessage(request);
  });
  return Object.assign(validate, {
    close: async () => {
      const running = worker;
      failAll(new Error('the validator was closed'));
      await running?.terminate();
    },
  });
}

/** The example validator is built here only when a spec's example is first checked against the file. */
function withLazyValidator({ description, examples }: PlainApiDescription, load: () => typeof Validator): Omit<ApiDescription, 'key'> {
  if (!examples) return description;
  let validate: NonNullable<ApiDescription['validate']> | undefined;
  return { ...description, validate: (pointer, value) => (validate ??= load().exampleValidator(examples))(pointer, value) };
}
