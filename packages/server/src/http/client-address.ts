// The client address anonymous budgets are counted by, behind zero or more reverse proxies.
//
// X-Forwarded-For is a list each proxy appends to: its left-most entries are whatever the client
// wrote. The client is the right-most address not trusted (a hop count: that many proxies in front
// of the server; or a list of the proxies' addresses and CIDR ranges), as Express' proxy-addr does.
// Hand-written on Node's net.BlockList (CIDR matching built in) rather than adding proxy-addr for
// a dozen lines.
import net from "node:net";
import type { Config } from "../config.js";

export type TrustProxy = Config["TRUST_PROXY"];

const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

export function proxyTrust(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  const list = new net.BlockList();
  for (const entry of trust) {
    const [address, bits] = entry.split("/");
    const family = net.isIPv6(address!) ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address!, family);
    else list.addSubnet(address!, Number(bits), family);
  }
  return (address) => net.isIP(address) !== 0 && list.check(address, net.isIPv6(address) ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, or, when that peer is a trusted proxy, the right-most
 * X-Forwarded-For entry not trusted (the left-most entry once every entry is trusted).
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | null, trusted: (address: string, hop: number) => boolean): string {
  const chain = [remote ?? "unknown", ...(forwardedFor ? forwardedFor.split(",").reverse() : [])].map(plain).filter(Boolean);
  let hop = 0;
  while (hop < chain.length - 1 && trusted(chain[hop]!, hop)) hop++;
  return chain[hop]!;
}
