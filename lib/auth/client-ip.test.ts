import { describe, expect, it } from "vitest";
import { clientIp, rateLimitKeyForIp, UNKNOWN_IP } from "./client-ip";

describe("clientIp", () => {
  it("ignores forwarding headers unless a proxy is trusted (the client could write them)", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.9" }, false)).toBe(UNKNOWN_IP);
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.9" }), false)).toBe(UNKNOWN_IP);
  });

  it("takes the entry our proxy appended: the last one", () => {
    expect(clientIp({ "x-forwarded-for": "198.51.100.1, 203.0.113.9" }, true)).toBe("203.0.113.9");
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1,203.0.113.9 " }), true)).toBe("203.0.113.9");
    expect(clientIp({ "x-forwarded-for": ["198.51.100.1", "203.0.113.9"] }, true)).toBe("203.0.113.9");
  });

  it("falls back to X-Real-IP, then to unknown", () => {
    expect(clientIp({ "x-real-ip": "203.0.113.4" }, true)).toBe("203.0.113.4");
    expect(clientIp({}, true)).toBe(UNKNOWN_IP);
    expect(clientIp({ "x-forwarded-for": " , " }, true)).toBe(UNKNOWN_IP);
  });
});

describe("rateLimitKeyForIp", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["203.0.113.9:51234", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:ffff::", "2001:db8:1:2::/64"],
    ["[2001:db8:1:2::9]:443", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
  ])("%s → %s", (raw, key) => {
    expect(rateLimitKeyForIp(raw)).toBe(key);
  });

  it("puts all addresses of one /64 in one bucket and other networks in others", () => {
    expect(rateLimitKeyForIp("2001:db8:aa:bb:1::1")).toBe(rateLimitKeyForIp("2001:db8:aa:bb:ffff:ffff:ffff:ffff"));
    expect(rateLimitKeyForIp("2001:db8:aa:bb::1")).not.toBe(rateLimitKeyForIp("2001:db8:aa:bc::1"));
  });

  it("keeps what it does not understand, bounded", () => {
    expect(rateLimitKeyForIp("not-an-ip")).toBe("not-an-ip");
    expect(rateLimitKeyForIp("1:2:3")).toBe("1:2:3");
    expect(rateLimitKeyForIp("x".repeat(100))).toHaveLength(64);
    expect(rateLimitKeyForIp("")).toBe(UNKNOWN_IP);
  });
});
