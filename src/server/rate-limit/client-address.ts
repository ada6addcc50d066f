import { isIPv6 } from 'node:net';

/**
 * The caller's address. Directly connected, it is the socket's peer. Behind
 * `trustedHops` reverse proxies, it is the address the outermost of them saw:
 * X-Forwarded-For is read from the right, because each proxy appends the
 * address it received from, and anything further left was written by the
 * client and can be forged. Undefined without a socket (an in-process call).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | null, trustedHops: number): string | undefined {
  if (!socketAddress) return undefined;
  if (trustedHops <= 0) return socketAddress;
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [...forwarded, socketAddress];
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}

/**
 * The rate-limit key of an address. One IPv6 host usually holds a whole /64
 * and can pick any address in it, so IPv6 addresses count per /64; IPv4 (also
 * IPv4-mapped IPv6) per address.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address;
  const [head = '', tail] = bare.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
