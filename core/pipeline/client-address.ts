import type { Socket } from 'node:net';

/**
 * Per connection, not per request: remoteAddress asks the kernel (getpeername) every time, and a
 * keep-alive connection carries many requests from the same address. Weak: gone with the socket.
 */
const addresses = new WeakMap<Socket, string>();

/** The client's address (an IPv4-mapped IPv6 address as plain IPv4); '' when unknown. */
export function clientAddress(socket: Socket | null | undefined): string {
  if (!socket) return '';
  let ip = addresses.get(socket);
  if (ip === undefined) {
    const raw = socket.remoteAddress ?? '';
    ip = raw.startsWith('::ffff:') ? raw.slice(7) : raw;
    if (raw !== '') addresses.set(socket, ip);
  }
  return ip;
}
