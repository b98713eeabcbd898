import { BlockList, isIP, isIPv4 } from 'node:net';

/** Where an IP address leads, as far as a webhook is concerned. */
export type AddressKind =
  'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

function ranges(list: readonly [string, number, 'ipv4' | 'ipv6'][]): BlockList {
  const block = new BlockList();
  for (const [network, prefix, family] of list) block.addSubnet(network, prefix, family);
  return block;
}

const KINDS: readonly [Exclude<AddressKind, 'public'>, BlockList][] = [
  [
    'loopback',
    ranges([
      ['127.0.0.0', 8, 'ipv4'],
      ['::1', 128, 'ipv6'],
    ]),
  ],
  [
    'unspecified',
    ranges([
      ['0.0.0.0', 8, 'ipv4'],
      ['::', 128, 'ipv6'],
    ]),
  ],
  [
    'private',
    ranges([
      ['10.0.0.0', 8, 'ipv4'],
      ['172.16.0.0', 12, 'ipv4'],
      ['192.168.0.0', 16, 'ipv4'],
      // Carrier-grade NAT: the provider's private network.
      ['100.64.0.0', 10, 'ipv4'],
      ['fc00::', 7, 'ipv6'],
    ]),
  ],
  [
    'link-local',
    ranges([
      // Cloud metadata services answer on 169.254.169.254.
      ['169.254.0.0', 16, 'ipv4'],
      ['fe80::', 10, 'ipv6'],
    ]),
  ],
  [
    'multicast',
    ranges([
      ['224.0.0.0', 4, 'ipv4'],
      ['ff00::', 8, 'ipv6'],
    ]),
  ],
  [
    'reserved',
    ranges([
      ['192.0.0.0', 24, 'ipv4'],
      ['198.18.0.0', 15, 'ipv4'],
      ['240.0.0.0', 4, 'ipv4'],
    ]),
  ],
];

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) one. */
function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|64:ff9b::)(?:0:)?([\d.]+)$/i.exec(address);
  if (match?.[1] && isIPv4(match[1])) return match[1];
  const hex = /^::ffff:([\da-f]{1,4}):([\da-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const high = parseInt(hex[1] as string, 16);
  const low = parseInt(hex[2] as string, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Where an IP address leads: this computer, a private network, or the internet (`public`). */
export function addressKind(address: string): AddressKind {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const inner = embeddedIpv4(bare);
  if (inner) return addressKind(inner);
  const family = isIP(bare) === 6 ? 'ipv6' : 'ipv4';
  for (const [kind, block] of KINDS) if (block.check(bare, family)) return kind;
  return 'public';
}

/** An address kind in words, as the refusal of a webhook says it. */
export function describeAddressKind(kind: AddressKind): string {
  switch (kind) {
    case 'loopback':
    case 'unspecified':
      return 'this computer';
    case 'private':
      return 'a private network address';
    case 'link-local':
      return 'a link-local address (where cloud machines keep their secrets)';
    case 'multicast':
      return 'a multicast address';
    case 'reserved':
      return 'a reserved address';
    case 'public':
      return 'on the internet';
  }
}
