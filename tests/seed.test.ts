// The demo seed against a real, freshly migrated database: the promised shape (issue 2 point 3), real
// JPEG files without EXIF in the storage folder, working demo log-ins, and a second run that writes
// nothing.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../lib/auth/password";
import { PrismaClient } from "../lib/generated/prisma/client";
import { addDays, amsterdamDay, formatDay, parseDay } from "../scripts/seed/dates";
import { buildDemoData, DEMO_ORGANISATION_SLUG, seedDemoData, type SeedResult } from "../scripts/seed/demo";
import { DEMO_EMAIL_DOMAIN, DEMO_LOGINS, DEMO_PASSWORD } from "../scripts/seed/demo-logins";

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
const storageDir = mkdtempSync(path.join(tmpdir(), "ouderportaal-seed-"));
const today = amsterdamDay();
let first: SeedResult;
let seedMs: number;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function tableCounts() {
  return {
    organisation: await prisma.organisation.count(),
    location: await prisma.location.count(),
    group: await prisma.group.count(),
    dayPart: await prisma.dayPart.count(),
    closingDay: await prisma.closingDay.count(),
    schoolHoliday: await prisma.schoolHoliday.count(),
    user: await prisma.user.count(),
    family: await prisma.family.count(),
    guardian: await prisma.guardian.count(),
    child: await prisma.child.count(),
    placement: await prisma.placement.count(),
    placementDay: await prisma.placementDay.count(),
    credit: await prisma.credit.count(),
    request: await prisma.request.count(),
    requestItem: await prisma.requestItem.count(),
    diaryEntry: await prisma.diaryEntry.count(),
    photo: await prisma.photo.count(),
    photoTag: await prisma.photoTag.count(),
    thread: await prisma.messageThread.count(),
    message: await prisma.message.count(),
    newsItem: await prisma.newsItem.count(),
    storedFile: await prisma.storedFile.count(),
    document: await prisma.document.count(),
    informationPage: await prisma.informationPage.count(),
  };
}

beforeAll(async () => {
  const started = performance.now();
  first = await seedDemoData(prisma, { storageDir });
  seedMs = performance.now() - started;
});

afterAll(async () => {
  await prisma.$disconnect();
  rmSync(storageDir, { recursive: true, force: true });
});

describe("demo seed", () => {
  it("creates the organisation quickly, with its policy", async () => {
    expect(first.created).toBe(true);
    expect(seedMs).toBeLessThan(15_000);
    const organisations = await prisma.organisation.findMany({ include: { policy: true } });
    expect(organisations).toHaveLength(1);
    expect(organisations[0]!.slug).toBe(DEMO_ORGANISATION_SLUG);
    expect(organisations[0]!.name).toBe("Kinderopvang De Regenboog");
    expect(organisations[0]!.policy).not.toBeNull();
  });

  it("has two locations and four groups: baby, toddler, BSO with VSO/NSO, and one more", async () => {
    const locations = await prisma.location.findMany({ include: { groups: { include: { dayParts: true, staff: true } } } });
    expect(locations.map((location) => location.name).sort()).toEqual(["De Regenboog Centrum", "De Regenboog Noord"]);
    const groups = locations.flatMap((location) => location.groups);
    expect(groups).toHaveLength(4);
    const byName = Object.fromEntries(groups.map((group) => [group.name, group]));
    const times = (name: string) =>
      Object.fromEntries(byName[name]!.dayParts.map((part) => [part.code, [part.startMinute, part.endMinute]]));
    expect(byName.Dolfijnen!.type).toBe("KDV");
    expect(times("Dolfijnen")).toEqual({ MORNING: [420, 780], AFTERNOON: [780, 1110] });
    expect(byName.Zeesterren!.type).toBe("KDV");
    expect(byName.Avonturiers!.type).toBe("BSO");
    expect(times("Avonturiers")).toEqual({ VSO: [420, 510], NSO: [840, 1110] });
    expect(byName.Vlinders!.locationId).toBe(locations.find((location) => location.name === "De Regenboog Noord")!.id);
    for (const group of groups) {
      expect(group.staff.length, `staff in ${group.name}`).toBeGreaterThan(0);
      for (const part of group.dayParts) expect(part.capacity).toBeGreaterThan(0);
    }

    // Baby group: children under 2; toddler group: children 2 to 4 (at their placement's start or now).
    const ageInYears = (birth: Date) => (today.getTime() - birth.getTime()) / (365.25 * 86_400_000);
    const active = await prisma.placement.findMany({
      where: { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
      include: { child: true, group: true },
    });
    const ages = (name: string) => active.filter((placement) => placement.group.name === name).map((placement) => ageInYears(placement.child.birthDate));
    expect(ages("Dolfijnen").length).toBeGreaterThan(0);
    for (const age of ages("Dolfijnen")) expect(age).toBeLessThan(2);
    expect(ages("Zeesterren").length).toBeGreaterThan(0);
    for (const age of ages("Zeesterren")) expect(age >= 2 && age < 4).toBe(true);
    for (const age of ages("Avonturiers")) expect(age).toBeGreaterThanOrEqual(4);
  });

  it("has at least six families, with the promised cases", async () => {
    const families = await prisma.family.findMany({
      include: { guardians: true, children: { include: { placements: { include: { days: true } } } } },
    });
    expect(families.length).toBeGreaterThanOrEqual(6);

    const twoGroups = families.find(
      (family) => new Set(family.children.flatMap((child) => child.placements.map((placement) => placement.groupId))).size >= 2 && family.children.length >= 2,
    );
    expect(twoGroups, "a family with two children in different groups").toBeDefined();

    const twoGuardians = families.find((family) => family.guardians.map((guardian) => guardian.rank).sort().join() === "1,2");
    expect(twoGuardians, "a family with guardians of rank 1 and 2").toBeDefined();

    const placements = families.flatMap((family) => family.children.flatMap((child) => child.placements));
    const ended = placements.filter((placement) => placement.endDate && formatDay(placement.endDate) === formatDay(addDays(today, -21)));
    expect(ended, "a placement that ended three weeks ago").toHaveLength(1);

    const flex = placements.filter((placement) => placement.contractType === "FLEX");
    expect(flex.length).toBeGreaterThan(0);
    expect(flex[0]!.flexMinutesPerYear).toBeGreaterThan(0);

    // Fixed placements have a weekly pattern and an hourly rate in cents.
    for (const placement of placements) {
      expect(placement.hourlyRateCents).toBeGreaterThan(500);
      if (placement.contractType === "FIXED") expect(placement.days.length).toBeGreaterThan(0);
    }
  });

  it("has a planner and an admin", async () => {
    expect(await prisma.user.count({ where: { role: "PLANNER" } })).toBeGreaterThan(0);
    expect(await prisma.user.count({ where: { role: "ADMIN" } })).toBeGreaterThan(0);
  });

  it("has credits valid now, an expired one, used ones and one earned by an absence", async () => {
    const credits = await prisma.credit.findMany({ include: { sourceItem: { include: { request: true } }, usages: true } });
    expect(credits.some((credit) => credit.validFrom <= today && credit.validUntil >= today && credit.usedMinutes < credit.minutes)).toBe(true);
    expect(credits.some((credit) => credit.validUntil < today)).toBe(true);
    expect(credits.some((credit) => credit.usages.length > 0 && credit.usedMinutes > 0)).toBe(true);
    expect(credits.some((credit) => credit.sourceItem?.request.kind === "ABSENCE")).toBe(true);
    for (const credit of credits) expect(credit.usedMinutes).toBeLessThanOrEqual(credit.minutes);
  });

  it("has the school holidays of region midden for the school years around today, Saturday to Sunday", async () => {
    const organisation = await prisma.organisation.findUniqueOrThrow({ where: { slug: DEMO_ORGANISATION_SLUG } });
    const periods = await prisma.schoolHoliday.findMany({ orderBy: { startDate: "asc" } });
    expect(periods.length).toBeGreaterThanOrEqual(10);
    expect(new Set(periods.map((p) => p.name))).toEqual(new Set(["Herfstvakantie", "Kerstvakantie", "Voorjaarsvakantie", "Meivakantie", "Zomervakantie"]));
    for (const period of periods) {
      expect(period.organisationId).toBe(organisation.id);
      expect(period.locationId).toBeNull();
      expect([period.startDate.getUTCDay(), period.endDate.getUTCDay()], `${period.name} ${formatDay(period.startDate)}`).toEqual([6, 0]);
      expect(period.endDate > period.startDate).toBe(true);
    }
    // Periods never overlap.
    for (let i = 1; i < periods.length; i++) expect(periods[i]!.startDate > periods[i - 1]!.endDate).toBe(true);
    // Each kerstvakantie holds Christmas and New Year's Day; one lies before today, one after.
    const christmas = periods.filter((p) => p.name === "Kerstvakantie");
    for (const p of christmas) {
      const year = p.startDate.getUTCFullYear();
      expect(p.startDate <= parseDay(`${year}-12-25`) && p.endDate >= parseDay(`${year + 1}-01-01`)).toBe(true);
      expect(formatDay(addDays(p.startDate, 15))).toBe(formatDay(p.endDate));
    }
    expect(christmas.some((p) => p.endDate < today)).toBe(true);
    expect(christmas.some((p) => p.startDate > today)).toBe(true);
    const summers = periods.filter((p) => p.name === "Zomervakantie");
    for (const p of summers) expect([p.startDate.getUTCMonth(), formatDay(addDays(p.startDate, 43))]).toEqual([6, formatDay(p.endDate)]);
  });

  it("has past and pending requests of every kind, each with items", async () => {
    const requests = await prisma.request.findMany({ include: { items: true } });
    for (const request of requests) expect(request.items.length).toBeGreaterThan(0);
    expect(new Set(requests.map((request) => request.kind))).toEqual(new Set(["EXTRA_DAY", "SWAP_DAY", "ABSENCE"]));
    const items = requests.flatMap((request) => request.items);
    const statuses = new Set(items.map((item) => item.status));
    for (const status of ["PENDING", "APPROVED", "REJECTED", "CANCELLED", "EXPIRED", "REGISTERED"] as const) {
      expect(statuses.has(status), status).toBe(true);
    }
    const pending = items.filter((item) => item.status === "PENDING");
    for (const item of pending) expect(item.date > today).toBe(true);
    expect(items.some((item) => item.status === "APPROVED" && item.date < today)).toBe(true);
    for (const item of items.filter((item) => item.status === "REJECTED")) expect(item.rejectionReason).toBeTruthy();
    for (const item of items.filter((item) => item.status === "REGISTERED")) expect(item.direction).toBe("REMOVE");
    // Pending work for the staff queue in more than one group.
    expect(new Set(pending.map((item) => item.groupId)).size).toBeGreaterThanOrEqual(3);
    // Every request was made by a guardian of its family.
    const guardians = await prisma.guardian.findMany();
    for (const request of requests) {
      expect(guardians.some((guardian) => guardian.userId === request.createdById && guardian.familyId === request.familyId)).toBe(true);
    }
  });

  it("has the notifications the app would have sent: assessed and expired requests, to every guardian", async () => {
    const notifications = await prisma.notification.findMany({ include: { user: { include: { guardian: true } } } });
    expect(new Set(notifications.map((n) => n.event))).toEqual(new Set(["REQUEST_ASSESSED", "REQUEST_EXPIRED"]));
    const requests = await prisma.request.findMany({ include: { items: true } });
    for (const n of notifications) {
      const request = requests.find((r) => n.url === `/agenda/requests/${r.id}`);
      expect(request, n.url).toBeTruthy();
      expect(n.user.guardian?.familyId).toBe(request!.familyId);
      expect(n.createdAt.getTime()).toBeLessThan(Date.now());
      if (n.event === "REQUEST_ASSESSED") expect(request!.items.every((i) => i.status !== "PENDING")).toBe(true);
      else expect(request!.items.some((i) => i.status === "EXPIRED")).toBe(true);
    }
    // Some are new for the demo parent.
    expect(notifications.some((n) => n.user.email === "ouder@demo.ouderportaal.nl" && n.readAt === null)).toBe(true);
  });

  it("has diary entries over the last ten days and message threads", async () => {
    const recent = await prisma.diaryEntry.count({ where: { date: { gte: addDays(today, -10), lt: today } } });
    expect(recent).toBeGreaterThanOrEqual(8);
    expect(await prisma.diaryEntry.count({ where: { author: { role: "PARENT" } } })).toBeGreaterThan(0);
    const threads = await prisma.messageThread.findMany({ include: { messages: true } });
    expect(threads.length).toBeGreaterThanOrEqual(3);
    expect(threads.some((thread) => thread.messages.length >= 3)).toBe(true);
    for (const thread of threads) {
      const last = Math.max(...thread.messages.map((message) => message.createdAt.getTime()));
      expect(thread.lastMessageAt.getTime()).toBe(last);
    }
    expect(threads.some((thread) => thread.broadcastId !== null)).toBe(true);
  });

  it("stores every photo as a real JPEG without EXIF, matching its row", async () => {
    const photos = await prisma.photo.findMany();
    expect(photos.length).toBeGreaterThanOrEqual(12);
    expect(photos.length).toBeLessThanOrEqual(20);
    for (const photo of photos) {
      expect(photo.storageKey).toMatch(/^originals\/[0-9a-f]{2}\/[0-9a-f]{64}\.jpg$/);
      const bytes = readFileSync(path.join(storageDir, photo.storageKey));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(photo.sha256);
      expect(photo.storageKey).toContain(photo.sha256);
      expect(bytes.length).toBe(photo.bytes);
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe("jpeg");
      expect([meta.width, meta.height]).toEqual([photo.width, photo.height]);
      expect(meta.exif).toBeUndefined();
      expect(photo.mimeType).toBe("image/jpeg");
      expect(photo.takenAt!.getTime()).toBeGreaterThan(addDays(today, -8).getTime());
    }
    expect(photos.some((photo) => photo.width === 1600 && photo.height === 1200)).toBe(true);
  });

  it("respects photo permissions: no tag without PHOTOS, GROUP audience only with GROUP_PHOTOS for all", async () => {
    const permissions = await prisma.childPermission.findMany();
    const allowed = (childId: string, kind: "PHOTOS" | "GROUP_PHOTOS") =>
      permissions.find((permission) => permission.childId === childId && permission.kind === kind)?.granted === true;
    const children = await prisma.child.findMany();
    expect(children.some((child) => !allowed(child.id, "PHOTOS"))).toBe(true);
    expect(children.some((child) => allowed(child.id, "PHOTOS") && !allowed(child.id, "GROUP_PHOTOS"))).toBe(true);

    const photos = await prisma.photo.findMany({ include: { tags: true } });
    for (const photo of photos) {
      for (const tag of photo.tags) expect(allowed(tag.childId, "PHOTOS")).toBe(true);
      if (photo.audience === "GROUP") for (const tag of photo.tags) expect(allowed(tag.childId, "GROUP_PHOTOS")).toBe(true);
    }
    expect(photos.some((photo) => photo.audience === "GROUP" && photo.tags.length > 0)).toBe(true);
    expect(photos.some((photo) => photo.audience === "TAGGED")).toBe(true);
    expect(photos.some((photo) => photo.diaryEntryId !== null)).toBe(true);
  });

  it("has news per location, information pages, documents for guardian 1 and stored files on disk", async () => {
    for (const location of await prisma.location.findMany({ include: { news: true, newsletters: true } })) {
      expect(location.news.filter((item) => item.publishedAt).length, location.name).toBeGreaterThan(0);
      expect(location.newsletters.length).toBeGreaterThan(0);
    }
    expect(await prisma.newsAttachment.count()).toBeGreaterThan(0);
    expect(await prisma.informationPage.count({ where: { kind: "PEDAGOGICAL_POLICY" } })).toBe(1);

    const laura = await prisma.user.findUniqueOrThrow({ where: { email: `ouder@${DEMO_EMAIL_DOMAIN}` }, include: { guardian: true } });
    expect(laura.guardian!.rank).toBe(1);
    expect(await prisma.document.count({ where: { familyId: laura.guardian!.familyId } })).toBeGreaterThanOrEqual(3);
    expect(await prisma.notificationPreference.count({ where: { userId: laura.id } })).toBe(7);
    expect(await prisma.staffProfile.count({ where: { photoId: { not: null } } })).toBeGreaterThan(0);

    for (const file of await prisma.storedFile.findMany()) {
      const bytes = readFileSync(path.join(storageDir, file.storageKey));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(file.sha256);
      expect(bytes.length).toBe(file.bytes);
      if (file.mimeType === "application/pdf") {
        expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(bytes.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
      } else {
        expect((await sharp(bytes).metadata()).format).toBe("jpeg");
      }
    }
  });

  it("lets every activated demo user log in with the demo password, and keeps one awaiting activation", async () => {
    const users = await prisma.user.findMany();
    expect(users.map((user) => user.email).sort()).toEqual(DEMO_LOGINS.map((login) => login.email).sort());
    for (const login of DEMO_LOGINS) {
      const user = users.find((candidate) => candidate.email === login.email)!;
      expect(user.role).toBe(login.role);
      expect(login.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
      if (login.activated) {
        expect(user.activatedAt).not.toBeNull();
        expect(await verifyPassword(user.passwordHash!, DEMO_PASSWORD), login.email).toBe(true);
        expect(await verifyPassword(user.passwordHash!, "wrong-password")).toBe(false);
      } else {
        expect(user.passwordHash).toBeNull();
        expect(user.activatedAt).toBeNull();
      }
    }
    expect(DEMO_LOGINS.filter((login) => !login.activated)).toHaveLength(1);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(10);
  });

  it("writes nothing the second time", async () => {
    const before = await tableCounts();
    const filesBefore = filesUnder(storageDir).map((file) => [file, statSync(file).mtimeMs] as const);
    const again = await seedDemoData(prisma, { storageDir });
    expect(again.created).toBe(false);
    expect(again.organisationId).toBe(first.organisationId);
    expect(await tableCounts()).toEqual(before);
    expect(filesUnder(storageDir).map((file) => [file, statSync(file).mtimeMs] as const)).toEqual(filesBefore);
  });
});

describe("demo data builder", () => {
  it("keeps to the domain rules whatever day it is built on (400 consecutive days)", () => {
    const start = parseDay("2026-01-01");
    for (let offset = 0; offset < 400; offset++) {
      const day = addDays(start, offset);
      const data = buildDemoData(formatDay(day));
      // The builder checks its own rules and throws; spot-check a few here as well.
      expect(data.placements.some((placement) => placement.endDate && formatDay(placement.endDate as Date) === formatDay(addDays(day, -21)))).toBe(true);
      expect(data.photos.length).toBeGreaterThanOrEqual(12);
      for (const item of data.requestItems) if (item.status === "PENDING") expect(item.date > day).toBe(true);
    }
  }, 60_000);
});
