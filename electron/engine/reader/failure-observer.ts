/**
 * Something that wants to see the unexpected failures of the calls it serves: the reader
 * service, which turns SQLite finding a damaged page into the recovery offer. The doors
 * call it for every failure that is not a UserError.
 */
export interface FailureObserver {
  noticeFailure(error: unknown): void;
}

export function observesFailures(api: object): api is FailureObserver {
  return typeof (api as Partial<FailureObserver>).noticeFailure === 'function';
}
