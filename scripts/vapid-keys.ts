// Web push needs a VAPID key pair (RFC 8292). For local use (`npm run dev`, the demo, the e2e server)
// one is generated on first start into .data/vapid.json (git-ignored) and reused afterwards: browsers'
// push subscriptions are bound to the public key, so it must not change between starts. A production
// deployment sets VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY itself (README: Configuration).
import { createECDH } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** A new P-256 key pair as web push uses it: uncompressed public point (65 bytes) and private scalar (32), base64url. */
export function generateVapidKeys(): VapidKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  // getPrivateKey() drops leading zero bytes: pad to 32.
  const privateKey = Buffer.alloc(32);
  const raw = ecdh.getPrivateKey();
  raw.copy(privateKey, 32 - raw.length);
  return { publicKey: ecdh.getPublicKey().toString("base64url"), privateKey: privateKey.toString("base64url") };
}

/** The local key pair from `<dataDir>/vapid.json`, created on first use. */
export function localVapidKeys(dataDir: string): VapidKeys {
  const file = path.join(dataDir, "vapid.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<VapidKeys>;
    if (typeof stored.publicKey === "string" && typeof stored.privateKey === "string") return { publicKey: stored.publicKey, privateKey: stored.privateKey };
  }
  const keys = generateVapidKeys();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}

/** Sets VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY in `env` from the local pair, unless either is set already. */
export function applyLocalVapidKeys(env: NodeJS.ProcessEnv, dataDir: string): boolean {
  if (env.VAPID_PUBLIC_KEY || env.VAPID_PRIVATE_KEY) return false;
  const keys = localVapidKeys(dataDir);
  env.VAPID_PUBLIC_KEY = keys.publicKey;
  env.VAPID_PRIVATE_KEY = keys.privateKey;
  return true;
}
