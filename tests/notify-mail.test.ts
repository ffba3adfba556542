// E-mail notifications end to end against PostgreSQL and a real SMTP server in the test: notify()
// plans the deliveries in the caller's transaction, the delivery worker (lib/notify/worker.ts) renders
// and sends them afterwards, in each recipient's language, with links to APP_URL/<locale><url> and to
// the notification settings; a refused mail is retried after a backoff, and a SENT one never again.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotifyWorld, startFlakySmtp, type NotifyWorld } from "./notify-fixtures";

// serverEnv() reads the environment once: the SMTP server must run before any app module loads.
const smtp = await startFlakySmtp();
process.env.SMTP_URL = smtp.url;
process.env.APP_URL = "https://ouders.example.test";
process.env.MAIL_FROM = "Ouderportaal <no-reply@ouders.example.test>";
delete process.env.VAPID_PUBLIC_KEY;
delete process.env.VAPID_PRIVATE_KEY;

const { db } = await import("@/lib/db/client");
const { notify } = await import("@/lib/notify");
const { runDeliveries } = await import("@/lib/notify/worker");
const { retryDelayMs } = await import("@/lib/notify/backoff");
const { startDeliveryWorker } = await import("@/lib/server/jobs/notifications");

let w: NotifyWorld;
const mailsTo = (address: string) => smtp.mails.filter((m) => m.envelopeTo.includes(address));

beforeAll(async () => {
  w = await createNotifyWorld();
});

afterAll(async () => {
  await smtp.stop();
});

async function newMessage(now: Date) {
  const threadId = randomUUID();
  const data = { threadId, subject: "Slaapje & <knuffel>", childFirstName: "Noor", groupName: "Dolfijnen", authorName: "Sanne de Vries", preview: "Noor sliep vandaag 2 uur. Neem je morgen haar knuffel mee?" };
  await db.$transaction(async (tx) => {
    await notify(tx, { event: "NEW_MESSAGE", userIds: [w.parentNl.id, w.parentEn.id], url: `/messages/${threadId}`, data, now });
    await notify(tx, { event: "NEW_MESSAGE", userIds: [w.staff.id], url: `/staff/messages/${threadId}`, data: { ...data, authorName: "Eva Jansen" }, now });
  });
  return threadId;
}

describe("e-mail deliveries", () => {
  it("nothing is sent inside the transaction; the worker sends one mail per delivery, in each language", async () => {
    const now = new Date();
    const threadId = await newMessage(now);
    expect(smtp.mails).toHaveLength(0);
    const deliveries = await db.notificationDelivery.findMany({ where: { notification: { data: { path: ["threadId"], equals: threadId } } } });
    expect(deliveries.map((d) => [d.userId, d.channel, d.status]).sort()).toEqual(
      [[w.parentNl.id, "EMAIL", "PENDING"], [w.parentEn.id, "EMAIL", "PENDING"], [w.staff.id, "EMAIL", "PENDING"]].sort(),
    );

    expect(await runDeliveries({ now })).toMatchObject({ sent: 3, retried: 0, failed: 0 });
    expect(smtp.mails).toHaveLength(3);

    const nl = mailsTo(w.parentNl.email);
    expect(nl).toHaveLength(1);
    expect(nl[0]!.envelopeTo).toEqual([w.parentNl.email]);
    expect(nl[0]!.subject).toBe("Nieuw bericht van Sanne de Vries: Slaapje & <knuffel>");
    expect(nl[0]!.text).toContain("Beste Eva Jansen,");
    expect(nl[0]!.text).toContain("Sanne de Vries heeft een bericht gestuurd in het gesprek “Slaapje & <knuffel>” (Dolfijnen, over Noor).");
    // The message text stays in the app (privacy): the mail names author, subject, group and child.
    expect(nl[0]!.text).not.toContain("Noor sliep vandaag");
    expect(nl[0]!.text.replace(/\r\n/g, "\n")).toContain(`Bericht lezen:\nhttps://ouders.example.test/nl/messages/${threadId}`);
    expect(nl[0]!.text).toContain("https://ouders.example.test/nl/more/notifications");
    expect(nl[0]!.text).toContain("Kinderopvang De Zonnebloem");
    // The HTML part escapes what users wrote.
    expect(nl[0]!.html).toContain("Slaapje &amp; &lt;knuffel&gt;");
    expect(nl[0]!.html).not.toContain("<knuffel>");
    expect(nl[0]!.html).toContain(`href="https://ouders.example.test/nl/messages/${threadId}"`);
    expect(nl[0]!.html).toContain(`href="https://ouders.example.test/nl/more/notifications"`);

    const en = mailsTo(w.parentEn.email);
    expect(en).toHaveLength(1);
    expect(en[0]!.subject).toBe("New message from Sanne de Vries: Slaapje & <knuffel>");
    expect(en[0]!.text).toContain("Dear Mark Jansen,");
    expect(en[0]!.text).toContain("sent a message in the conversation");
    expect(en[0]!.text).toContain(`https://ouders.example.test/en/messages/${threadId}`);
    expect(en[0]!.text).toContain("https://ouders.example.test/en/more/notifications");

    // Staff: their own link and their own settings page.
    const staff = mailsTo(w.staff.email);
    expect(staff).toHaveLength(1);
    expect(staff[0]!.subject).toBe("Nieuw bericht van Eva Jansen: Slaapje & <knuffel>");
    expect(staff[0]!.text).toContain(`https://ouders.example.test/nl/staff/messages/${threadId}`);
    expect(staff[0]!.text).toContain("https://ouders.example.test/nl/staff/settings/notifications");

    const sent = await db.notificationDelivery.findMany({ where: { id: { in: deliveries.map((d) => d.id) } } });
    for (const d of sent) expect(d).toMatchObject({ status: "SENT", attempts: 1, lastError: null, sentAt: expect.any(Date) });

    // Once SENT, never again: later runs (even far in the future) send nothing.
    expect(await runDeliveries({ now: new Date(now.getTime() + 24 * 3600_000) })).toMatchObject({ sent: 0, retried: 0, failed: 0, skipped: 0 });
    expect(smtp.mails).toHaveLength(3);
  });

  it("follows the preferences: role defaults, a switched-off event, and a switch turned off before sending", async () => {
    const now = new Date();
    const before = smtp.mails.length;
    // Parents get no e-mail for a diary entry by default; the English parent turned it on.
    await db.notificationPreference.create({ data: { userId: w.parentEn.id, event: "NEW_DIARY_ENTRY", email: true, push: true } });
    await db.$transaction((tx) =>
      notify(tx, {
        event: "NEW_DIARY_ENTRY",
        userIds: [w.parentNl.id, w.parentEn.id],
        url: "/diary/e1",
        data: { entryId: "e1", childName: "Noor", date: "2026-11-23", authorName: "Sanne de Vries" },
        now,
      }),
    );
    expect(await db.notification.count({ where: { event: "NEW_DIARY_ENTRY" } })).toBe(2);
    const planned = await db.notificationDelivery.findMany({ where: { notification: { event: "NEW_DIARY_ENTRY" } } });
    expect(planned.map((d) => [d.userId, d.channel])).toEqual([[w.parentEn.id, "EMAIL"]]);

    // The Dutch parent switches request e-mails off after the notification was planned: skipped.
    await db.$transaction((tx) =>
      notify(tx, { event: "REQUEST_ASSESSED", userIds: [w.parentNl.id], url: "/agenda/requests/r1", data: { requestId: "r1", kind: "EXTRA_DAY", periodStart: "2026-12-07", periodEnd: "2026-12-08" }, now }),
    );
    await db.notificationPreference.create({ data: { userId: w.parentNl.id, event: "REQUEST_ASSESSED", email: false, push: true } });

    expect(await runDeliveries({ now })).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.mails.length).toBe(before + 1);
    const mail = smtp.mails.at(-1)!;
    expect(mail.envelopeTo).toEqual([w.parentEn.email]);
    expect(mail.subject).toBe("New daily report about Noor");
    expect(mail.text).toContain("Sanne de Vries wrote a daily report about Noor for 23 November 2026.");
    expect(mail.text).toContain("https://ouders.example.test/en/diary/e1");
    const skipped = await db.notificationDelivery.findFirstOrThrow({ where: { userId: w.parentNl.id, notification: { event: "REQUEST_ASSESSED" } } });
    expect(skipped).toMatchObject({ status: "SKIPPED", lastError: "switched off by the user" });
  });

  it("retries a mail the server refused, after the backoff, then sends it exactly once", async () => {
    const now = new Date();
    await db.$transaction((tx) =>
      notify(tx, {
        event: "REQUEST_EXPIRED",
        userIds: [w.parentNl.id],
        url: "/agenda/requests/r2",
        data: { requestId: "r2", kind: "SWAP_DAY", items: 2, expiresOn: "2026-12-01", reason: "EXPIRES_ON" },
        now,
      }),
    );
    const before = smtp.mails.length;
    smtp.refuseNext(1);
    expect(await runDeliveries({ now })).toMatchObject({ sent: 0, retried: 1 });
    expect(smtp.refused).toBe(1);
    expect(smtp.mails.length).toBe(before);
    const waiting = await db.notificationDelivery.findFirstOrThrow({ where: { notification: { event: "REQUEST_EXPIRED" } } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.lastError).toMatch(/451/);
    expect(waiting.notBefore.getTime()).toBe(now.getTime() + retryDelayMs(1));

    // Not before the backoff has passed.
    expect(await runDeliveries({ now: new Date(now.getTime() + retryDelayMs(1) - 1000) })).toMatchObject({ sent: 0, retried: 0 });
    const later = new Date(now.getTime() + retryDelayMs(1));
    expect(await runDeliveries({ now: later })).toMatchObject({ sent: 1 });
    expect(smtp.mails.length).toBe(before + 1);
    const mail = smtp.mails.at(-1)!;
    expect(mail.envelopeTo).toEqual([w.parentNl.email]);
    expect(mail.subject).toBe("Je aanvraag is vervallen");
    expect(mail.text).toContain("Je aanvraag (Ruildag) is niet vóór 1 december 2026 beoordeeld: 2 dagdelen zijn vervallen.");
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(await runDeliveries({ now: new Date(later.getTime() + 3600_000) })).toMatchObject({ sent: 0 });
    expect(smtp.mails.length).toBe(before + 1);
  });

  it("gives up after the last attempt: FAILED with the last error", async () => {
    const { MAX_ATTEMPTS } = await import("@/lib/notify/backoff");
    let now = new Date();
    await db.$transaction((tx) =>
      notify(tx, { event: "NEWS", userIds: [w.parentEn.id], url: "/location/news/n1", data: { title: "Zomerfeest", locationName: "Zonnebloem Centrum" }, now }),
    );
    const before = smtp.mails.length;
    smtp.refuseNext(MAX_ATTEMPTS);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const run = await runDeliveries({ now });
      expect(run).toMatchObject(attempt < MAX_ATTEMPTS ? { retried: 1 } : { failed: 1 });
      now = new Date(now.getTime() + retryDelayMs(attempt));
    }
    const failed = await db.notificationDelivery.findFirstOrThrow({ where: { notification: { event: "NEWS" } } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(failed.lastError).toMatch(/451/);
    expect(await runDeliveries({ now: new Date(now.getTime() + 86_400_000) })).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.mails.length).toBe(before);
  });

  it("workers running at once (several app instances) never send a delivery twice", async () => {
    const now = new Date();
    const before = smtp.mails.length;
    const urls = Array.from({ length: 12 }, () => `/agenda/requests/${randomUUID()}`);
    await db.$transaction(async (tx) => {
      for (const url of urls) await notify(tx, { event: "REQUEST_EXPIRED", userIds: [w.parentNl.id], url, data: { kind: "EXTRA_DAY", items: 1 }, now });
    });
    const runs = await Promise.all([1, 2, 3].map(() => runDeliveries({ now, batchSize: 2 })));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(12);
    expect(runs.reduce((n, r) => n + r.lost + r.retried + r.failed, 0)).toBe(0);
    const arrived = smtp.mails.slice(before);
    expect(arrived).toHaveLength(12);
    expect(urls.map((url) => arrived.filter((m) => m.text.includes(url)).length)).toEqual(urls.map(() => 1));
  });

  it("a worker that stalls past its lease loses its claim: the delivery is retaken (the at-least-once window)", async () => {
    const { claimDeliveries, processDelivery, LEASE_MS } = await import("@/lib/notify/worker");
    const now = new Date();
    const url = `/agenda/requests/${randomUUID()}`;
    await db.$transaction((tx) => notify(tx, { event: "REQUEST_EXPIRED", userIds: [w.parentNl.id], url, data: { kind: "EXTRA_DAY", items: 1 }, now }));
    const [stalled] = await claimDeliveries(now);
    expect(stalled).toMatchObject({ attempts: 1 });
    // Within the lease nobody else takes it.
    expect(await claimDeliveries(new Date(now.getTime() + LEASE_MS - 1))).toEqual([]);
    const later = new Date(now.getTime() + LEASE_MS);
    const [retaken] = await claimDeliveries(later);
    expect(retaken).toMatchObject({ id: stalled!.id, attempts: 2 });
    // The stalled worker finally sends: its mail goes out, but it may no longer write the row.
    expect(await processDelivery(stalled!, now)).toBe("lost");
    expect(await processDelivery(retaken!, later)).toBe("sent");
    expect(smtp.mails.filter((m) => m.text.includes(url))).toHaveLength(2);
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: stalled!.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(await claimDeliveries(new Date(later.getTime() + 2 * LEASE_MS))).toEqual([]);
  });

  it("in the app the worker is woken after the commit: nobody calls it, the mail still arrives", async () => {
    // The scheduler's worker with an interval far away: only kickDeliveries() (from notify) can wake it.
    const stop = startDeliveryWorker(3_600_000);
    const url = `/agenda/requests/${randomUUID()}`;
    try {
      await db.$transaction((tx) =>
        notify(tx, { event: "REQUEST_ASSESSED", userIds: [w.parentEn.id], url, data: { kind: "SWAP_DAY", periodStart: "2026-12-14", periodEnd: "2026-12-14" } }),
      );
      const mail = await smtp.waitFor((m) => m.text.includes(url));
      expect(mail.envelopeTo).toEqual([w.parentEn.email]);
      expect(mail.subject).toBe("Your request has been assessed");
    } finally {
      await stop();
    }
    expect(await db.notificationDelivery.findFirstOrThrow({ where: { notification: { url } } })).toMatchObject({ status: "SENT" });
  });

  it("a disabled account gets the in-app notification only; a deliverTo list limits e-mail to those users", async () => {
    const now = new Date();
    await db.$transaction((tx) =>
      notify(tx, {
        event: "ABSENCE_CONFIRMATION",
        userIds: [w.parentNl.id, w.parentEn.id],
        deliverTo: [w.parentEn.id],
        url: "/agenda/requests/r3",
        data: { requestId: "r3", reason: "SICK", periodStart: "2026-12-07", periodEnd: "2026-12-07", items: 1, minutes: 360, makeUpMinutes: 0 },
        now,
      }),
    );
    const rows = await db.notification.findMany({ where: { url: "/agenda/requests/r3" }, include: { deliveries: true } });
    expect(rows).toHaveLength(2);
    expect(rows.flatMap((r) => r.deliveries.map((d) => [r.userId, d.channel]))).toEqual([[w.parentEn.id, "EMAIL"]]);

    // Disabled before it went out: skipped; disabled at notify time: none planned.
    await db.user.update({ where: { id: w.parentEn.id }, data: { disabledAt: now } });
    expect(await runDeliveries({ now })).toMatchObject({ sent: 0, skipped: 1 });
    await db.$transaction((tx) =>
      notify(tx, { event: "REQUEST_ASSESSED", userIds: [w.parentEn.id], url: "/agenda/requests/r4", data: { requestId: "r4" }, now }),
    );
    const late = await db.notification.findFirstOrThrow({ where: { url: "/agenda/requests/r4" }, include: { deliveries: true } });
    expect(late.deliveries).toEqual([]);
    await db.user.update({ where: { id: w.parentEn.id }, data: { disabledAt: null } });
  });
});
