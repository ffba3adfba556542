// Shared by tests/notify-*.test.ts: a real SMTP server that can be told to refuse (a mail server that
// is down for a moment), a local HTTP server that plays the push service, and the browser's side of a
// push subscription: a P-256 key pair and auth secret as a browser makes them, the RFC 8291 (aes128gcm)
// decryption of what arrives, and the check of the VAPID JWT (RFC 8292). All with node:crypto, so the
// test does not reuse the code under test (web-push) to read what that code produced.
import { createECDH, createPublicKey, hkdfSync, randomBytes, createDecipheriv, verify, type ECDH } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { generateVapidKeys, type VapidKeys } from "../scripts/vapid-keys";
import { startSmtpCapture, type SmtpCapture } from "./auth-mail-capture";

// ─── SMTP ───────────────────────────────────────────────────────────────────

/** The shared SMTP capture (tests/auth-mail-capture.ts), which can refuse; waitFor waits 10 s unless told. */
export type FlakySmtp = SmtpCapture;

export function startFlakySmtp(): Promise<FlakySmtp> {
  return startSmtpCapture({ waitTimeoutMs: 10_000 });
}

// ─── The push service ───────────────────────────────────────────────────────

export interface PushRequest {
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

export interface PushService {
  origin: string;
  requests: PushRequest[];
  /** A new endpoint URL on this service. */
  endpoint(name?: string): string;
  /** Answers for an endpoint's path, used in order (then 201 again). */
  answer(endpoint: string, ...statuses: number[]): void;
  stop(): Promise<void>;
}

export async function startPushService(): Promise<PushService> {
  const requests: PushRequest[] = [];
  const answers = new Map<string, number[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      const status = answers.get(path)?.shift() ?? 201;
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 201 ? "" : `status ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    endpoint: (name = randomBytes(8).toString("hex")) => `${origin}/push/${name}`,
    answer(endpoint, ...statuses) {
      answers.set(new URL(endpoint).pathname, statuses);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ─── Both channels ──────────────────────────────────────────────────────────

/**
 * A mail server, a push service and a VAPID key pair, set in the environment the notify code reads.
 * Call it before the first import of the database client or the notify code (they read it once).
 */
export async function startNotifyChannels(): Promise<{ smtp: FlakySmtp; service: PushService; vapid: VapidKeys }> {
  const smtp = await startFlakySmtp();
  const service = await startPushService();
  const vapid = generateVapidKeys();
  process.env.SMTP_URL = smtp.url;
  process.env.APP_URL = "https://ouders.example.test";
  process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
  process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
  return { smtp, service, vapid };
}

// ─── The browser's side ─────────────────────────────────────────────────────

export interface BrowserSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  ecdh: ECDH;
  authSecret: Buffer;
}

/** What pushManager.subscribe() makes: a P-256 key pair and a 16-byte auth secret. */
export function browserSubscription(endpoint: string): BrowserSubscription {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return { endpoint, p256dh: ecdh.getPublicKey().toString("base64url"), auth: authSecret.toString("base64url"), ecdh, authSecret };
}

/** RFC 8291 / RFC 8188: decrypts an aes128gcm push message with the subscription's private key. */
export function decryptPush(body: Buffer, sub: BrowserSubscription): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const senderPublic = body.subarray(21, 21 + idlen);
  const records = body.subarray(21 + idlen);
  if (records.length > rs) throw new Error("expected one record");
  const receiverPublic = sub.ecdh.getPublicKey();
  const secret = sub.ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), receiverPublic, senderPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", secret, sub.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([decipher.update(records.subarray(0, records.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error("bad padding delimiter");
  return padded.subarray(0, end).toString("utf8");
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

/** Reads "Authorization: vapid t=<JWT>, k=<public key>", checks the ES256 signature with k; the claims. */
export function verifyVapid(authorization: string | undefined): { key: string; claims: VapidClaims; header: Record<string, unknown> } {
  const m = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!m) throw new Error(`not a VAPID authorization: ${authorization}`);
  const [jwt, key] = [m[1]!, m[2]!];
  const [head, payload, signature] = jwt.split(".") as [string, string, string];
  const point = Buffer.from(key, "base64url");
  const publicKey = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33, 65).toString("base64url") },
    format: "jwk",
  });
  const ok = verify("sha256", Buffer.from(`${head}.${payload}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  if (!ok) throw new Error("VAPID signature does not verify");
  return {
    key,
    header: JSON.parse(Buffer.from(head, "base64url").toString("utf8")) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as VapidClaims,
  };
}

// ─── People ─────────────────────────────────────────────────────────────────

export interface NotifyWorld {
  orgId: string;
  groupId: string;
  familyId: string;
  parentNl: { id: string; email: string; name: string };
  parentEn: { id: string; email: string; name: string };
  staff: { id: string; email: string; name: string };
}

let worldCount = 0;

/** An organisation with a group, a family with a Dutch and an English guardian, and a staff member. */
export async function createNotifyWorld(): Promise<NotifyWorld> {
  const { db } = await import("@/lib/db/client");
  const n = ++worldCount;
  const tag = randomBytes(3).toString("hex");
  const org = await db.organisation.create({ data: { name: "Kinderopvang De Zonnebloem", slug: `zonnebloem-${tag}` } });
  const location = await db.location.create({ data: { organisationId: org.id, name: "Zonnebloem Centrum" } });
  const group = await db.group.create({ data: { locationId: location.id, name: "Dolfijnen", type: "KDV" } });
  const family = await db.family.create({ data: { organisationId: org.id, name: "Jansen" } });
  const user = async (name: string, role: "PARENT" | "STAFF", locale: string) =>
    db.user.create({
      data: { organisationId: org.id, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${n}.${tag}@example.test`, name, role, locale, activatedAt: new Date() },
      select: { id: true, email: true, name: true },
    });
  const parentNl = await user("Eva Jansen", "PARENT", "nl");
  const parentEn = await user("Mark Jansen", "PARENT", "en");
  const staff = await user("Sanne de Vries", "STAFF", "nl");
  await db.guardian.create({ data: { familyId: family.id, userId: parentNl.id, rank: 1 } });
  await db.guardian.create({ data: { familyId: family.id, userId: parentEn.id, rank: 2 } });
  await db.staffMembership.create({ data: { userId: staff.id, groupId: group.id } });
  return { orgId: org.id, groupId: group.id, familyId: family.id, parentNl, parentEn, staff };
}
