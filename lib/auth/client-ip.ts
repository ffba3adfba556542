import "server-only";

// The client IP used for per-IP rate limits. Pure functions (headers in, key out), unit-tested.
//
// Next's server fills `X-Forwarded-For` with the socket address only when the request does not carry
// one already, so without a proxy in front, the header is whatever the client chose to send. It is
// therefore read only when TRUST_PROXY=1 (a reverse proxy that sets or appends it). Then the last
// entry is the one our proxy added (exactly one trusted hop; entries to its left come from the client).
// Without a trusted proxy the IP is UNKNOWN_IP: the per-account limit still applies, the per-IP limit
// cannot (one shared bucket for everyone would let anyone lock everybody out).

export const UNKNOWN_IP = "unknown";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientIp(headers: HeaderBag, trustProxy: boolean): string {
  if (!trustProxy) return UNKNOWN_IP;
  const forwarded = header(headers, "x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  const candidate = last ?? header(headers, "x-real-ip")?.trim();
  return candidate ? rateLimitKeyForIp(candidate) : UNKNOWN_IP;
}

/**
 * The bucket an address is counted in: IPv4 as is; IPv6 by its /64 network, because one subscriber
 * usually owns a whole /64 and could otherwise rotate through 2^64 addresses.
 */
export function rateLimitKeyForIp(raw: string): string {
  let ip = raw.trim();
  // "[2001:db8::1]:443" or "203.0.113.7:51234" (some proxies add the port)
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(":"));
  ip = ip.replace(/%.*$/, ""); // zone id (fe80::1%eth0)
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) return ip;
  if (ip.includes(":")) {
    const groups = expandIpv6(ip);
    if (groups) return `${groups.slice(0, 4).join(":")}::/64`;
  }
  // Not an address we understand: count it as given, bounded in length.
  return ip.slice(0, 64) || UNKNOWN_IP;
}

function expandIpv6(ip: string): string[] | null {
  if (!/^[0-9a-f:]+$/i.test(ip)) return null;
  const halves = ip.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ""));
}
