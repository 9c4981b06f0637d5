import { BlockList, isIP } from 'node:net';
import { canonicalIpv4, type Host } from './parse-host.js';

/**
 * Where a host points: a cloud metadata service (instance credentials), or an address that is
 * not on the public internet (loopback, RFC 1918, link-local, CGNAT, unspecified, ULA). Node's
 * BlockList matches IPv4-mapped IPv6 addresses against the IPv4 rules as well.
 */

export type Reach = 'metadata' | 'internal';

export interface HostTarget {
  readonly reach: Reach;
  readonly label: string;
  /** Loopback: this machine itself, where developers run their own servers. */
  readonly local?: boolean;
}

type Entry = readonly [string, number, 'ipv4' | 'ipv6'];

/**
 * A set of subnets, checked in plain arithmetic for an IPv4 address and by Node's BlockList for
 * anything else: a BlockList check builds a SocketAddress per call, several per URL host. None of
 * these IPv6 subnets covers IPv4-mapped addresses (`::ffff:0:0/96`), the only IPv6 rules a
 * BlockList applies to an IPv4 address, so the IPv4 rules alone decide for one.
 */
interface Subnets {
  readonly blocks: BlockList;
  /** [first, last] address of each IPv4 subnet, as unsigned 32-bit numbers. */
  readonly v4: readonly (readonly [number, number])[];
}

function list(entries: readonly Entry[]): Subnets {
  const blocks = new BlockList();
  const v4: [number, number][] = [];
  for (const [address, prefix, family] of entries) {
    blocks.addSubnet(address, prefix, family);
    if (family !== 'ipv4') continue;
    const size = 2 ** (32 - prefix);
    const first = ipv4Number(address) - (ipv4Number(address) % size);
    v4.push([first, first + size - 1]);
  }
  return { blocks, v4 };
}

/** A dotted IPv4 address (as `isIP` accepts it) as an unsigned 32-bit number; one pass, no split. */
function ipv4Number(ip: string): number {
  let number = 0;
  let part = 0;
  for (let i = 0; i < ip.length; i++) {
    const code = ip.charCodeAt(i);
    if (code === 46) {
      number = number * 256 + part;
      part = 0;
    } else {
      part = part * 10 + code - 48;
    }
  }
  return number * 256 + part;
}

function inSubnets(subnets: Subnets, ip: string, v4: number, family: 'ipv4' | 'ipv6'): boolean {
  if (v4 < 0) return subnets.blocks.check(ip, family);
  for (const [first, last] of subnets.v4) if (v4 >= first && v4 <= last) return true;
  return false;
}

const METADATA = list([
  ['169.254.169.254', 32, 'ipv4'], // AWS, Azure, GCP, OpenStack, DigitalOcean, Oracle
  ['169.254.170.2', 32, 'ipv4'], // AWS ECS task credentials
  ['169.254.170.23', 32, 'ipv4'], // AWS EKS pod identity
  ['100.100.100.200', 32, 'ipv4'], // Alibaba Cloud
  ['168.63.129.16', 32, 'ipv4'], // Azure WireServer
  ['192.0.0.192', 32, 'ipv4'], // Oracle Cloud
  ['fd00:ec2::254', 128, 'ipv6'], // AWS IMDS over IPv6
  ['fd00:ec2::23', 128, 'ipv6'], // AWS EKS pod identity over IPv6
]);

const INTERNAL: readonly (readonly [string, Subnets])[] = [
  [
    'loopback',
    list([
      ['127.0.0.0', 8, 'ipv4'],
      ['::1', 128, 'ipv6'],
    ]),
  ],
  [
    'unspecified address',
    list([
      ['0.0.0.0', 8, 'ipv4'],
      ['::', 128, 'ipv6'],
    ]),
  ],
  [
    'private network',
    list([
      ['10.0.0.0', 8, 'ipv4'],
      ['172.16.0.0', 12, 'ipv4'],
      ['192.168.0.0', 16, 'ipv4'],
      ['fc00::', 7, 'ipv6'],
    ]),
  ],
  [
    'link-local',
    list([
      ['169.254.0.0', 16, 'ipv4'],
      ['fe80::', 10, 'ipv6'],
    ]),
  ],
  ['carrier-grade NAT', list([['100.64.0.0', 10, 'ipv4']])],
  ['IETF protocol range', list([['192.0.0.0', 24, 'ipv4']])],
];

const METADATA_NAMES =
  /^(?:metadata\.google\.internal|metadata\.goog|metadata|instance-data(?:\.ec2\.internal)?|metadata\.azure\.internal)$/;
const LOOPBACK_NAMES =
  /^(?:localhost|localhost\.localdomain|ip6-localhost|ip6-loopback|(?:.+\.)?localhost|(?:.+\.)?localtest\.me|(?:.+\.)?lvh\.me|(?:.+\.)?vcap\.me)$/;
const CLUSTER_NAMES =
  /^(?:kubernetes(?:\.default(?:\.svc(?:\.cluster\.local)?)?)?|.+\.svc(?:\.cluster\.local)?)$/;
/** Names under suffixes that never resolve on the public internet (RFC 6762, RFC 8375, common private zones). */
const PRIVATE_ZONES = /\.(?:internal|corp|local|lan|intranet|home\.arpa|localdomain|private|intra)$/;

const LOCAL_LABELS = new Set(['loopback']);

/**
 * The last label of every name the four patterns above match (each ends in one of these, after a
 * `.` or at the start): a name ending in any other label is none of them, which is most names.
 */
const NAMED_LAST_LABELS: ReadonlySet<string> = new Set([
  ...['metadata', 'goog', 'internal', 'instance-data'],
  ...['localhost', 'localdomain', 'ip6-localhost', 'ip6-loopback', 'me'],
  ...['kubernetes', 'default', 'svc', 'local'],
  ...['corp', 'lan', 'intranet', 'arpa', 'private', 'intra'],
]);

function lastLabel(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** Classifies one IP address. */
export function classifyIp(ip: string): HostTarget | null {
  // A canonical dotted address is what isIP calls version 4: read it once, without isIP's regexes.
  const canonical = canonicalIpv4(ip);
  const version = canonical >= 0 ? 4 : isIP(ip);
  const family = version === 6 ? 'ipv6' : 'ipv4';
  const v4 = canonical >= 0 ? canonical : version === 4 ? ipv4Number(ip) : -1;
  if (inSubnets(METADATA, ip, v4, family)) return { reach: 'metadata', label: 'cloud metadata endpoint' };
  for (const [label, subnets] of INTERNAL) {
    if (inSubnets(subnets, ip, v4, family))
      return { reach: 'internal', label, local: LOCAL_LABELS.has(label) };
  }
  return null;
}

/** Where a normalized host points, or null for an ordinary public host. */
export function classifyHost(host: Host): HostTarget | null {
  if (host.ip) {
    const direct = classifyIp(host.ip);
    if (direct) return direct;
  }
  for (const ip of host.embedded) {
    const inner = classifyIp(ip);
    if (inner) return { reach: inner.reach, label: `${inner.label} (embedded ${ip})` };
  }
  if (host.ip || !NAMED_LAST_LABELS.has(lastLabel(host.name))) return null;
  if (METADATA_NAMES.test(host.name)) return { reach: 'metadata', label: 'cloud metadata endpoint' };
  if (/^(?:localhost|(?:.+\.)?localhost)$/.test(host.name))
    return { reach: 'internal', label: 'loopback name', local: true };
  if (LOOPBACK_NAMES.test(host.name)) return { reach: 'internal', label: 'loopback name' };
  if (CLUSTER_NAMES.test(host.name)) return { reach: 'internal', label: 'Kubernetes cluster service' };
  if (PRIVATE_ZONES.test(host.name)) return { reach: 'internal', label: 'internal DNS name' };
  return null;
}
