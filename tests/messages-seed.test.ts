// The demo's messages (scripts/seed/demo.ts and scripts/seed/messages.ts, which prisma/seed.ts runs
// after it) as the app reads them: every demo role finds something unread in "Berichten", the demo
// parent's family has threads with answers and a thread unread for them, there is a message to all
// families of a group, and seeding the messages again writes nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAccountState } from "@/lib/auth/session-user";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { countUnreadFamilyThreads, countUnreadStaffThreads, getThread, listFamilyThreads, listStaffThreads } from "@/lib/db/messages";
import { seedDemoData } from "../scripts/seed/demo";
import { seedDemoMessages } from "../scripts/seed/messages";

const storageDir = mkdtempSync(path.join(tmpdir(), "ouderportaal-messages-seed-"));
const as = async (email: string): Promise<SessionUser> => {
  const row = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return (await loadAccountState(row.id))!.user;
};

beforeAll(async () => {
  await seedDemoData(db, { storageDir });
  expect(await seedDemoMessages(db)).toBe(2);
}, 60_000);

afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

describe("demo messages", () => {
  it("the demo parent has threads with answers and unread ones, among them the staff's message and the other guardian's answer", async () => {
    const laura = await as("ouder@demo.ouderportaal.nl");
    const page = await listFamilyThreads(laura);
    expect(page.threads.length).toBeGreaterThanOrEqual(3);
    expect(await countUnreadFamilyThreads(laura)).toBeGreaterThanOrEqual(2);
    const clothes = page.threads.find((t) => t.subject === "Reservekleding voor Noor")!;
    expect(clothes).toMatchObject({ unread: 2, child: { firstName: "Noor" }, group: { name: "Dolfijnen" } });
    const thread = await getThread(laura, clothes.id);
    expect(thread!.messages.map((m) => [m.author.name, m.unread])).toEqual([
      ["Sanne de Vries", true],
      ["Thomas de Boer", true],
    ]);
    expect(thread!.canReply).toBe(true);
    const longest = await Promise.all(page.threads.map((t) => getThread(laura, t.id)));
    expect(Math.max(...longest.map((t) => t!.messages.length))).toBeGreaterThanOrEqual(3);
  });

  it("the Dolfijnen staff have parents' messages unread; the threads of other groups are not theirs", async () => {
    const sanne = await as("medewerker@demo.ouderportaal.nl");
    expect(await countUnreadStaffThreads(sanne)).toBe(2);
    const inbox = await listStaffThreads(sanne);
    expect(new Set(inbox!.threads.map((t) => t.group.name))).toEqual(new Set(["Dolfijnen"]));
    expect(inbox!.threads.find((t) => t.subject === "Knuffel van Tess")).toMatchObject({ unread: 1, familyName: "Bos" });
  });

  it("has a message to all families of a group, one thread per family", async () => {
    const threads = await db.messageThread.findMany({ where: { broadcastId: { not: null } }, select: { broadcastId: true, familyId: true } });
    expect(threads.length).toBeGreaterThanOrEqual(2);
    expect(new Set(threads.map((t) => t.familyId)).size).toBe(threads.length);
  });

  it("keeps lastMessageAt the newest message, everything in the past, and writes nothing a second time", async () => {
    const threads = await db.messageThread.findMany({ include: { messages: true } });
    for (const t of threads) {
      expect(t.lastMessageAt.getTime()).toBe(Math.max(...t.messages.map((m) => m.createdAt.getTime())));
      expect(t.lastMessageAt.getTime()).toBeLessThan(Date.now());
    }
    const count = await db.message.count();
    expect(await seedDemoMessages(db)).toBe(0);
    expect(await db.message.count()).toBe(count);
  });
});
