/**
 * The address to record as IPADDRESS: an IPv4-mapped IPv6 socket address
 * (`::ffff:203.0.113.7`, what Node reports for IPv4 peers on a dual-stack socket) is
 * written as plain IPv4, as a person reading the consent record expects.
 *
 * @example
 * normalizeIp('::ffff:203.0.113.7'); // '203.0.113.7'
 */
export function normalizeIp(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped ? mapped[1]! : address;
}
