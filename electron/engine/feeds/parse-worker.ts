/**
 * The parse worker: runs parse jobs (inflate, hash, decode, parse, prepare) on another
 * thread, so the thread that owns the database spends its time writing. One message in
 * (the job, its body transferred), one message out (the outcome, or the error).
 */
import { parentPort } from 'node:worker_threads';
import { runParseJob } from './parse-job.js';
import { describeFailure, type ParseRequest, type ParseResponse } from './parse-pool.js';

parentPort!.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id: request.id, ok: true, outcome: runParseJob({ ...request, body: new Uint8Array(request.body) }) };
  } catch (error) {
    response = { id: request.id, ok: false, failure: describeFailure(error) };
  }
  parentPort!.postMessage(response);
});
