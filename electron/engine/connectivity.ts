/**
 * Is there a network at all? Electron asks the OS (`net.isOnline()`); under plain Node
 * the answer is whether any interface other than loopback has an address. Neither proves
 * the internet is reachable, but "no" is reliable, and "no" is what saves a refresh of a
 * thousand feeds from recording a thousand DNS errors on a train.
 */
import { networkInterfaces } from 'node:os';

export type IsOnline = () => boolean;

export const nodeIsOnline: IsOnline = () =>
  Object.values(networkInterfaces()).some((addresses) => addresses?.some((a) => !a.internal));
