/**
 * Preloaded (NODE_OPTIONS=--import) into every `syndic` process the screenshots start, its
 * engine workers included: a connection to anything but loopback fails at once, as an
 * unknown name would. The fixture feeds name their real sites (the offline cache asks a
 * feed's site for its icon), and making the demo must ask no real site for anything.
 */
import net from 'node:net';

const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|localhost)$/i;

/** The host a Socket#connect call names: its arguments may be (options), ([options, cb]) or (port, host). */
function hostOf(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'string') return null; // a local socket path
  // As net itself decides: a path (even beside a host) makes it a local socket.
  if (typeof first === 'object' && first !== null) return first.path ? null : (first.host ?? 'localhost');
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connectLoopbackOnly(...args) {
  const host = hostOf(args);
  if (host === null || LOOPBACK.test(host)) return connect.apply(this, args);
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${host} (the screenshots reach loopback only)`), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname: host,
  });
  process.nextTick(() => this.destroy(error));
  return this;
};
