/**
 * The cancel signal many fetches share (a refresh's, the offline cache's). Each fetch in
 * flight listens to it until its exchange ends (fetch.ts), so a refresh with 64 in flight
 * has 64 listeners: expected, and let go as the exchanges end, not the leak that Node's
 * warning past ten listeners would print on a command's output.
 */
import { setMaxListeners } from 'node:events';

export function sharedCancel(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
