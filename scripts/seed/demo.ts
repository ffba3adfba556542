// Demo data for Ouderportaal: one organisation ("Kinderopvang De Regenboog") with two locations, four
// groups, eight families, staff, a planner and an admin, and everything the parent and staff screens
// show (requests, credits, diary, photos, messages, news, documents).
//
// Every date is relative to `today`, so the demo always looks alive. `buildDemoData` is pure (rows
// only, checked against the domain rules as it goes); `seedDemoData` renders the files, hashes the
// passwords and writes everything in one transaction. It is idempotent: when the organisation
// already exists nothing is written.
import { randomUUID } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { restrictionFits } from "../../lib/domain/credits";
import { schoolHolidayLookup } from "../../lib/domain/school-holidays";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import {
  addDays,
  addMonths,
  amsterdamDay,
  amsterdamInstant,
  daysBetween,
  firstOfMonth,
  formatDay,
  isDutchHoliday,
  isoWeekday,
  parseDay,
} from "./dates";
import { DEMO_LOGINS, DEMO_PASSWORD, type DemoEmail } from "./demo-logins";
import {
  minimalPdf,
  renderAvatarJpeg,
  renderSceneJpeg,
  storeContentAddressed,
  type PhotoScene,
  type SceneKind,
} from "./files";

export const DEMO_ORGANISATION_SLUG = "de-regenboog";

type ItemStatus = "PENDING" | "APPROVED" | "REJECTED" | "CANCELLED" | "EXPIRED" | "REGISTERED";
type PaymentMethod = "INVOICE" | "CREDIT" | "FLEX" | "SWAP";
type PermissionKind = "PHOTOS" | "GROUP_PHOTOS" | "PUBLICATIONS" | "DIARY" | "TRIPS" | "CAR_TRANSPORT" | "SUNSCREEN";
const PERMISSION_KINDS: PermissionKind[] = ["PHOTOS", "GROUP_PHOTOS", "PUBLICATIONS", "DIARY", "TRIPS", "CAR_TRANSPORT", "SUNSCREEN"];

// ─── Static description of the organisation ─────────────────────────────────

type LocationKey = "centrum" | "noord";
type GroupKey = "dolfijnen" | "zeesterren" | "avonturiers" | "vlinders";
type FamilyKey = "deBoer" | "mulder" | "vandenBerg" | "hendriks" | "meijer" | "bos" | "kaya" | "dijkstra";
type ChildKey = "noor" | "sem" | "lucas" | "julia" | "finn" | "mila" | "tess" | "zeynep" | "emir" | "luuk";
type AgeBand = "baby" | "toddler" | "school";

const LOCATIONS: Record<LocationKey, Omit<Prisma.LocationCreateManyInput, "id" | "organisationId">> = {
  centrum: {
    name: "De Regenboog Centrum",
    street: "Biltstraat 112",
    postalCode: "3572 BK",
    city: "Utrecht",
    phone: "030 231 45 67",
    email: "centrum@demo.ouderportaal.nl",
    description: "Kinderdagverblijf en buitenschoolse opvang in een monumentaal schoolgebouw met een grote tuin.",
  },
  noord: {
    name: "De Regenboog Noord",
    street: "Zamenhofdreef 45",
    postalCode: "3562 JT",
    city: "Utrecht",
    phone: "030 261 88 90",
    email: "noord@demo.ouderportaal.nl",
    description: "Kleinschalig kinderdagverblijf naast park De Gagel, met één verticale groep.",
  },
};

interface DayPartSpec {
  code: string;
  start: number;
  end: number;
  capacity: number;
}
const KDV_PARTS = (morning: number, afternoon: number): DayPartSpec[] => [
  { code: "MORNING", start: 7 * 60, end: 13 * 60, capacity: morning },
  { code: "AFTERNOON", start: 13 * 60, end: 18 * 60 + 30, capacity: afternoon },
];

const GROUPS: Record<GroupKey, { location: LocationKey; name: string; type: "KDV" | "BSO"; phone: string; parts: DayPartSpec[] }> = {
  dolfijnen: { location: "centrum", name: "Dolfijnen", type: "KDV", phone: "030 231 45 68", parts: KDV_PARTS(12, 12) },
  zeesterren: { location: "centrum", name: "Zeesterren", type: "KDV", phone: "030 231 45 69", parts: KDV_PARTS(16, 14) },
  avonturiers: {
    location: "centrum",
    name: "Avonturiers",
    type: "BSO",
    phone: "030 231 45 70",
    parts: [
      { code: "VSO", start: 7 * 60, end: 8 * 60 + 30, capacity: 20 },
      { code: "NSO", start: 14 * 60, end: 18 * 60 + 30, capacity: 22 },
    ],
  },
  vlinders: { location: "noord", name: "Vlinders", type: "KDV", phone: "030 261 88 91", parts: KDV_PARTS(14, 12) },
};

const RATE_KDV = 1045;
const RATE_BSO = 940;
const RATE_FLEX = 1095;

const STAFF_GROUPS: Partial<Record<DemoEmail, GroupKey[]>> = {
  "medewerker@demo.ouderportaal.nl": ["dolfijnen"],
  "pm.zeesterren@demo.ouderportaal.nl": ["zeesterren"],
  "pm.avonturiers@demo.ouderportaal.nl": ["avonturiers"],
  "pm.vlinders@demo.ouderportaal.nl": ["vlinders"],
  "pm.centrum@demo.ouderportaal.nl": ["dolfijnen", "zeesterren"],
};

const STAFF_PROFILES: Partial<Record<DemoEmail, { jobTitle: string; bio: string; avatarHue?: number }>> = {
  "medewerker@demo.ouderportaal.nl": {
    jobTitle: "Pedagogisch medewerker",
    bio: "Ik werk al acht jaar bij de Dolfijnen. Ik zing graag met de baby's en ben gek op buiten spelen, ook als het regent.",
    avatarHue: 200,
  },
  "pm.zeesterren@demo.ouderportaal.nl": {
    jobTitle: "Pedagogisch medewerker",
    bio: "Bij de Zeesterren knutselen, bakken en ontdekken we elke dag iets nieuws. Ik ben ook VVE-coördinator.",
  },
  "pm.avonturiers@demo.ouderportaal.nl": {
    jobTitle: "Pedagogisch medewerker BSO",
    bio: "Sport, spel en hutten bouwen: bij de Avonturiers is er na school altijd wat te doen.",
    avatarHue: 25,
  },
  "pm.vlinders@demo.ouderportaal.nl": {
    jobTitle: "Pedagogisch medewerker",
    bio: "Ik werk op de Vlinders, onze verticale groep in Noord. Rust, regelmaat en veel aandacht voor elk kind.",
  },
  "pm.centrum@demo.ouderportaal.nl": {
    jobTitle: "Pedagogisch medewerker (flexpool)",
    bio: "Je ziet mij bij de Dolfijnen én de Zeesterren. Sinds kort werk ik op De Regenboog Centrum.",
  },
  "planner@demo.ouderportaal.nl": { jobTitle: "Planner", bio: "Ik beoordeel de aanvragen voor extra dagen en ruildagen." },
  "admin@demo.ouderportaal.nl": { jobTitle: "Locatiemanager", bio: "Aanspreekpunt voor contracten, beleid en de oudercommissie." },
};

interface FamilySpec {
  name: string;
  guardians: { email: DemoEmail; rank: 1 | 2; phone: string }[];
  /** The children's surname where it differs from the family name: "de Boer" after a first name. */
  surname?: string;
  street: string;
  postalCode: string;
}
const FAMILIES: Record<FamilyKey, FamilySpec> = {
  deBoer: {
    name: "De Boer",
    surname: "de Boer",
    guardians: [
      { email: "ouder@demo.ouderportaal.nl", rank: 1, phone: "06 1234 5678" },
      { email: "ouder2@demo.ouderportaal.nl", rank: 2, phone: "06 8765 4321" },
    ],
    street: "Kastanjelaan 14",
    postalCode: "3581 BM",
  },
  mulder: { name: "Mulder", guardians: [{ email: "flex@demo.ouderportaal.nl", rank: 1, phone: "06 2345 6789" }], street: "Twijnstraat 31", postalCode: "3511 ZJ" },
  vandenBerg: { name: "Van den Berg", surname: "van den Berg", guardians: [{ email: "oud@demo.ouderportaal.nl", rank: 1, phone: "06 3456 7890" }], street: "Amsterdamsestraatweg 210", postalCode: "3551 CK" },
  hendriks: { name: "Hendriks", guardians: [{ email: "nieuw@demo.ouderportaal.nl", rank: 1, phone: "06 4567 8901" }], street: "Gagelsingel 8", postalCode: "3562 ME" },
  meijer: { name: "Meijer", guardians: [{ email: "anouk.meijer@demo.ouderportaal.nl", rank: 1, phone: "06 5678 9012" }], street: "Marshallaan 17", postalCode: "3527 TK" },
  bos: { name: "Bos", guardians: [{ email: "jeroen.bos@demo.ouderportaal.nl", rank: 1, phone: "06 6789 0123" }], street: "Nobelstraat 52", postalCode: "3512 EN" },
  kaya: { name: "Kaya", guardians: [{ email: "elif.kaya@demo.ouderportaal.nl", rank: 1, phone: "06 7890 1234" }], street: "Kanaalstraat 96", postalCode: "3531 CL" },
  dijkstra: { name: "Dijkstra", guardians: [{ email: "rik.dijkstra@demo.ouderportaal.nl", rank: 1, phone: "06 8901 2345" }], street: "Adelaarstraat 23", postalCode: "3514 CA" },
};

// ─── School holidays ─────────────────────────────────────────────────────────

/** The Saturday before the Monday of ISO week `week` of `year`: where a week's school holiday starts. */
function saturdayBeforeIsoWeek(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4)); // always in ISO week 1
  return addDays(jan4, 1 - isoWeekday(jan4) + 7 * (week - 1) - 2);
}

export interface DemoSchoolHoliday {
  name: string;
  startDate: Date;
  endDate: Date;
}

/**
 * Plausible school holidays of region midden (Utrecht) for the school year that starts in `year`,
 * Saturday to Sunday, computed from the year alone. The government sets the real dates per region and
 * rotates them between regions, so these follow the usual pattern, not a published table:
 * herfstvakantie in ISO week 43; kerstvakantie the two weeks from the Saturday on or before 25 December
 * (so Christmas and New Year's Day are in it); in the next year voorjaarsvakantie in week 8,
 * meivakantie the nine days from the Saturday on or before Koningsdag (27 April), and zomervakantie six
 * weeks from the Saturday before week 30 (18–24 July).
 */
export function demoSchoolHolidays(year: number): DemoSchoolHoliday[] {
  /** The Saturday on or before `day`. */
  const saturdayUpTo = (day: Date) => addDays(day, -((isoWeekday(day) + 1) % 7));
  const period = (name: string, startDate: Date, days: number) => ({ name, startDate, endDate: addDays(startDate, days - 1) });
  return [
    period("Herfstvakantie", saturdayBeforeIsoWeek(year, 43), 9),
    period("Kerstvakantie", saturdayUpTo(new Date(Date.UTC(year, 11, 25))), 16),
    period("Voorjaarsvakantie", saturdayBeforeIsoWeek(year + 1, 8), 9),
    period("Meivakantie", saturdayUpTo(new Date(Date.UTC(year + 1, 3, 27))), 9),
    period("Zomervakantie", saturdayBeforeIsoWeek(year + 1, 30), 44),
  ];
}

// ─── Result of the builder ───────────────────────────────────────────────────

export interface PhotoJob {
  row: Omit<Prisma.PhotoCreateManyInput, "sha256" | "storageKey" | "mimeType" | "width" | "height" | "bytes">;
  scene: PhotoScene;
}

export type FileContent = { kind: "pdf"; title: string; lines: string[] } | { kind: "avatar"; hue: number };

export interface FileJob {
  id: string;
  originalName: string;
  content: FileContent;
}

export interface DemoData {
  today: Date;
  organisation: Prisma.OrganisationCreateManyInput & { id: string };
  policy: Prisma.OrganisationPolicyCreateManyInput;
  locations: Prisma.LocationCreateManyInput[];
  groups: Prisma.GroupCreateManyInput[];
  dayParts: Prisma.DayPartCreateManyInput[];
  closingDays: Prisma.ClosingDayCreateManyInput[];
  schoolHolidays: Prisma.SchoolHolidayCreateManyInput[];
  users: (Omit<Prisma.UserCreateManyInput, "passwordHash"> & { id: string; email: string; activated: boolean })[];
  files: FileJob[];
  staffProfiles: Prisma.StaffProfileCreateManyInput[];
  staffMemberships: Prisma.StaffMembershipCreateManyInput[];
  families: Prisma.FamilyCreateManyInput[];
  guardians: Prisma.GuardianCreateManyInput[];
  children: Prisma.ChildCreateManyInput[];
  childPermissions: Prisma.ChildPermissionCreateManyInput[];
  placements: Prisma.PlacementCreateManyInput[];
  placementDays: Prisma.PlacementDayCreateManyInput[];
  credits: Prisma.CreditCreateManyInput[];
  requests: Prisma.RequestCreateManyInput[];
  requestItems: Prisma.RequestItemCreateManyInput[];
  diaryEntries: Prisma.DiaryEntryCreateManyInput[];
  photos: PhotoJob[];
  photoTags: Prisma.PhotoTagCreateManyInput[];
  threads: Prisma.MessageThreadCreateManyInput[];
  messages: Prisma.MessageCreateManyInput[];
  threadReads: Prisma.ThreadReadCreateManyInput[];
  newsItems: Prisma.NewsItemCreateManyInput[];
  newsAttachments: Prisma.NewsAttachmentCreateManyInput[];
  newsletters: Prisma.NewsletterCreateManyInput[];
  informationPages: Prisma.InformationPageCreateManyInput[];
  documents: Prisma.DocumentCreateManyInput[];
  notificationPreferences: Prisma.NotificationPreferenceCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
}

/** Thrown when the demo data would break a rule of domain.md (a bug in this file, never in use). */
class DemoDataError extends Error {}
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new DemoDataError(`Demo data: ${message}`);
}

const nlMonth = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "UTC" });
const nlDate = new Intl.DateTimeFormat("nl-NL", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const euro = (cents: number) => `EUR ${(cents / 100).toFixed(2).replace(".", ",")}`;

// ─── Builder ─────────────────────────────────────────────────────────────────

export function buildDemoData(todayInput: Date | string = amsterdamDay()): DemoData {
  const today = typeof todayInput === "string" ? parseDay(todayInput) : amsterdamDay(todayInput);
  /** The first instant of today: every seeded moment lies before it. */
  const startOfToday = amsterdamInstant(today, 0);
  const ago = (days: number) => addDays(today, -days);
  const ahead = (days: number) => addDays(today, days);
  const at = (day: Date, hour: number, minute = 0) => amsterdamInstant(day, hour * 60 + minute);

  const organisationId = randomUUID();
  const data: DemoData = {
    today,
    organisation: {
      id: organisationId,
      name: "Kinderopvang De Regenboog",
      slug: DEMO_ORGANISATION_SLUG,
      email: "info@demo.ouderportaal.nl",
      phone: "030 231 45 60",
      website: "https://demo.ouderportaal.nl",
      createdAt: at(ago(900), 9),
    },
    policy: {
      organisationId,
      bookingHorizonDays: 90,
      pendingCancelMinHours: 24,
      absenceCancelRule: "OUTSIDE_WINDOW",
      absenceCancelWindowDays: 30,
      makeUpCreditsEnabled: true,
      makeUpNoticeHours: 24,
      makeUpValidityDays: 90,
      makeUpReasons: ["SICK", "HOLIDAY"],
      flexRequestMonthsAhead: 1,
      videoInDiaryEnabled: false,
      liberationDayEveryYears: 5,
      diaryWritableDaysAfterEnd: 14,
      downloadDaysAfterEnd: 56,
      accountRetentionMonthsAfterEnd: 15,
    },
    locations: [],
    groups: [],
    dayParts: [],
    closingDays: [],
    schoolHolidays: [],
    users: [],
    files: [],
    staffProfiles: [],
    staffMemberships: [],
    families: [],
    guardians: [],
    children: [],
    childPermissions: [],
    placements: [],
    placementDays: [],
    credits: [],
    requests: [],
    requestItems: [],
    diaryEntries: [],
    photos: [],
    photoTags: [],
    threads: [],
    messages: [],
    threadReads: [],
    newsItems: [],
    newsAttachments: [],
    newsletters: [],
    informationPages: [],
    documents: [],
    notificationPreferences: [],
    notifications: [],
  };
  const checkPast = (instant: Date, what: string) => check(instant < startOfToday, `${what} must lie before today`);

  // Locations, groups, day parts.
  const locationId = {} as Record<LocationKey, string>;
  for (const [key, location] of Object.entries(LOCATIONS) as [LocationKey, (typeof LOCATIONS)[LocationKey]][]) {
    locationId[key] = randomUUID();
    data.locations.push({ id: locationId[key], organisationId, ...location, createdAt: at(ago(900), 9) });
  }
  const groupId = {} as Record<GroupKey, string>;
  const dayPart = {} as Record<GroupKey, Record<string, DayPartSpec & { id: string }>>;
  for (const [key, group] of Object.entries(GROUPS) as [GroupKey, (typeof GROUPS)[GroupKey]][]) {
    groupId[key] = randomUUID();
    data.groups.push({
      id: groupId[key],
      locationId: locationId[group.location],
      name: group.name,
      type: group.type,
      phone: group.phone,
      email: `${key}@demo.ouderportaal.nl`,
      createdAt: at(ago(900), 9),
    });
    dayPart[key] = {};
    group.parts.forEach((part, index) => {
      const id = randomUUID();
      dayPart[key]![part.code] = { ...part, id };
      data.dayParts.push({
        id,
        groupId: groupId[key],
        code: part.code,
        startMinute: part.start,
        endMinute: part.end,
        capacity: part.capacity,
        sortOrder: index,
      });
    });
  }
  const part = (group: GroupKey, code: string) => {
    const found = dayPart[group][code];
    check(found, `group ${group} has no day part ${code}`);
    return found;
  };

  // Closing days (national holidays are computed by the app, never stored).
  const closing: { date: Date; location: LocationKey | null }[] = [];
  const isOpen = (day: Date, location: LocationKey) =>
    isoWeekday(day) <= 5 &&
    !isDutchHoliday(day) &&
    !closing.some((closed) => formatDay(closed.date) === formatDay(day) && (closed.location === null || closed.location === location));
  /** First day on or after `from` (last on or before when `step` is -1) matching `test`. */
  const find = (from: Date, test: (day: Date) => boolean, step: 1 | -1 = 1): Date => {
    for (let i = 0; i < 120; i++) {
      const day = addDays(from, i * step);
      if (test(day)) return day;
    }
    throw new DemoDataError(`Demo data: no suitable day near ${formatDay(from)}`);
  };
  const weekdayOpen = (weekday: number, location: LocationKey) => (day: Date) => isoWeekday(day) === weekday && isOpen(day, location);
  const addClosingDay = (date: Date, location: LocationKey | null, name: string) => {
    closing.push({ date, location });
    data.closingDays.push({
      id: randomUUID(),
      organisationId,
      locationId: location ? locationId[location] : null,
      date,
      name,
      createdAt: at(ago(200), 10),
    });
  };
  const pastStudyDay = find(ago(40), weekdayOpen(5, "centrum"), -1);
  const studyDay = find(ahead(24), weekdayOpen(3, "centrum"));
  const teamDayNoord = find(ahead(45), weekdayOpen(1, "noord"));
  addClosingDay(pastStudyDay, null, "Studiedag");
  addClosingDay(studyDay, null, "Studiedag");
  addClosingDay(teamDayNoord, "noord", "Teamdag De Regenboog Noord");

  // School holidays (region midden, for both locations) of every school year (1 September – 31 August)
  // that overlaps today − 1 year … today + 1 year. They decide where Sem's holidays-only credit fits.
  for (let year = today.getUTCFullYear() - 2; year <= today.getUTCFullYear() + 1; year++) {
    const schoolYearStart = new Date(Date.UTC(year, 8, 1));
    const schoolYearEnd = new Date(Date.UTC(year + 1, 7, 31));
    if (schoolYearStart > ahead(365) || schoolYearEnd < ago(365)) continue;
    for (const holiday of demoSchoolHolidays(year)) {
      check(isoWeekday(holiday.startDate) === 6 && isoWeekday(holiday.endDate) === 7, `${holiday.name} ${year} runs Saturday to Sunday`);
      data.schoolHolidays.push({ id: randomUUID(), organisationId, locationId: null, ...holiday, createdAt: at(ago(400), 10) });
    }
  }
  const isSchoolHoliday = schoolHolidayLookup(
    data.schoolHolidays.map((h) => ({ name: h.name, startDate: formatDay(h.startDate as Date), endDate: formatDay(h.endDate as Date), locationId: null })),
  );

  // Users. Everybody is activated except the demo account that shows the activation flow.
  const userId = {} as Record<DemoEmail, string>;
  for (const login of DEMO_LOGINS) {
    const id = randomUUID();
    userId[login.email] = id;
    const created = login.activated ? at(ago(login.role === "PARENT" ? 400 : 800), 10) : at(ago(3), 9, 15);
    data.users.push({
      id,
      organisationId,
      email: login.email.toLowerCase(),
      name: login.name,
      role: login.role,
      locale: "nl",
      activated: login.activated,
      activatedAt: login.activated ? addDays(created, 1) : null,
      lastLoginAt: login.activated ? at(ago(2), 20, 15) : null,
      createdAt: created,
    });
  }
  const uid = (email: DemoEmail) => userId[email];

  // Files (rendered later by seedDemoData).
  const addFile = (originalName: string, content: FileContent) => {
    const id = randomUUID();
    data.files.push({ id, originalName, content });
    return id;
  };

  // Staff.
  for (const [email, groups] of Object.entries(STAFF_GROUPS) as [DemoEmail, GroupKey[]][]) {
    for (const group of groups) data.staffMemberships.push({ userId: uid(email), groupId: groupId[group] });
  }
  for (const [email, profile] of Object.entries(STAFF_PROFILES) as [DemoEmail, NonNullable<(typeof STAFF_PROFILES)[DemoEmail]>][]) {
    const photoId =
      profile.avatarHue === undefined
        ? null
        : addFile(`${email.split("@")[0]}-profielfoto.jpg`, { kind: "avatar", hue: profile.avatarHue });
    data.staffProfiles.push({ userId: uid(email), jobTitle: profile.jobTitle, bio: profile.bio, photoId });
  }
  const staffOf = (group: GroupKey): DemoEmail => {
    const found = (Object.entries(STAFF_GROUPS) as [DemoEmail, GroupKey[]][]).find(([, groups]) => groups[0] === group);
    check(found, `no staff for ${group}`);
    return found[0];
  };

  // Families and guardians.
  const familyId = {} as Record<FamilyKey, string>;
  for (const [key, family] of Object.entries(FAMILIES) as [FamilyKey, FamilySpec][]) {
    familyId[key] = randomUUID();
    data.families.push({ id: familyId[key], organisationId, name: family.name, createdAt: at(ago(400), 10) });
    for (const guardian of family.guardians) {
      data.guardians.push({
        id: randomUUID(),
        familyId: familyId[key],
        userId: uid(guardian.email),
        rank: guardian.rank,
        phone: guardian.phone,
        street: family.street,
        postalCode: family.postalCode,
        city: "Utrecht",
      });
    }
  }
  const firstGuardian = (family: FamilyKey): DemoEmail => FAMILIES[family].guardians[0]!.email;

  // Children and placements.
  interface ChildSpec {
    family: FamilyKey;
    firstName: string;
    birthDate: Date;
    group: GroupKey;
    band: AgeBand;
    contract: "FIXED" | "FLEX";
    rate: number;
    start: Date;
    end?: Date;
    /** ISO weekday → day part codes */
    pattern: Record<number, string[]>;
    flexHours?: number;
    denied?: PermissionKind[];
  }
  const full = ["MORNING", "AFTERNOON"];
  const endedOn = ago(21);
  const CHILDREN: Record<ChildKey, ChildSpec> = {
    noor: { family: "deBoer", firstName: "Noor", birthDate: addDays(addMonths(today, -11), -9), group: "dolfijnen", band: "baby", contract: "FIXED", rate: RATE_KDV, start: firstOfMonth(today, -7), pattern: { 1: full, 2: full, 4: full } },
    sem: { family: "deBoer", firstName: "Sem", birthDate: addDays(addMonths(today, -75), 12), group: "avonturiers", band: "school", contract: "FIXED", rate: RATE_BSO, start: firstOfMonth(today, -27), pattern: { 1: ["VSO", "NSO"], 2: ["VSO", "NSO"], 4: ["VSO", "NSO"] } },
    lucas: { family: "mulder", firstName: "Lucas", birthDate: addDays(addMonths(today, -32), 5), group: "zeesterren", band: "toddler", contract: "FLEX", rate: RATE_FLEX, start: firstOfMonth(today, -14), pattern: {}, flexHours: 400 },
    julia: { family: "vandenBerg", firstName: "Julia", birthDate: addMonths(endedOn, -48), group: "zeesterren", band: "toddler", contract: "FIXED", rate: RATE_KDV, start: firstOfMonth(today, -25), end: endedOn, pattern: { 3: full, 5: full } },
    finn: { family: "hendriks", firstName: "Finn", birthDate: addMonths(today, -5), group: "vlinders", band: "baby", contract: "FIXED", rate: RATE_KDV, start: find(ahead(42), weekdayOpen(1, "noord")), pattern: { 1: full, 3: full } },
    mila: { family: "meijer", firstName: "Mila", birthDate: addDays(addMonths(today, -19), 3), group: "vlinders", band: "baby", contract: "FIXED", rate: RATE_KDV, start: firstOfMonth(today, -10), pattern: { 2: full, 3: full, 5: full }, denied: ["PHOTOS", "GROUP_PHOTOS", "PUBLICATIONS"] },
    tess: { family: "bos", firstName: "Tess", birthDate: addDays(addMonths(today, -14), -2), group: "dolfijnen", band: "baby", contract: "FIXED", rate: RATE_KDV, start: firstOfMonth(today, -9), pattern: { 1: full, 3: full }, denied: ["GROUP_PHOTOS", "PUBLICATIONS"] },
    zeynep: { family: "kaya", firstName: "Zeynep", birthDate: addDays(addMonths(today, -37), 8), group: "zeesterren", band: "toddler", contract: "FIXED", rate: RATE_KDV, start: firstOfMonth(today, -20), pattern: { 1: full, 2: ["MORNING"] }, denied: ["CAR_TRANSPORT"] },
    emir: { family: "kaya", firstName: "Emir", birthDate: addDays(addMonths(today, -97), -4), group: "avonturiers", band: "school", contract: "FIXED", rate: RATE_BSO, start: firstOfMonth(today, -40), pattern: { 2: ["NSO"], 4: ["NSO"] } },
    luuk: { family: "dijkstra", firstName: "Luuk", birthDate: addDays(addMonths(today, -86), 11), group: "avonturiers", band: "school", contract: "FIXED", rate: RATE_BSO, start: firstOfMonth(today, -17), pattern: { 1: ["VSO", "NSO"], 2: ["NSO"], 3: ["NSO"], 4: ["NSO"] }, denied: ["TRIPS"] },
  };
  const childId = {} as Record<ChildKey, string>;
  const childLocation = (child: ChildKey) => GROUPS[CHILDREN[child].group].location;
  for (const [key, child] of Object.entries(CHILDREN) as [ChildKey, ChildSpec][]) {
    childId[key] = randomUUID();
    const guardian = firstGuardian(child.family);
    data.children.push({
      id: childId[key],
      familyId: familyId[child.family],
      firstName: child.firstName,
      lastName: FAMILIES[child.family].surname ?? FAMILIES[child.family].name,
      birthDate: child.birthDate,
      mentorId: uid(staffOf(child.group)),
      createdAt: at(addDays(child.start, -60), 11),
    });
    for (const kind of PERMISSION_KINDS) {
      const granted = !child.denied?.includes(kind);
      data.childPermissions.push({ childId: childId[key], kind, granted, updatedById: granted ? null : uid(guardian) });
    }
    const placementId = randomUUID();
    data.placements.push({
      id: placementId,
      childId: childId[key],
      groupId: groupId[child.group],
      startDate: child.start,
      endDate: child.end ?? null,
      contractType: child.contract,
      hourlyRateCents: child.rate,
      flexMinutesPerYear: child.flexHours ? child.flexHours * 60 : null,
      createdAt: at(addDays(child.start, -60), 11),
    });
    check(child.contract === "FLEX" || Object.keys(child.pattern).length > 0, `${key} has no weekly pattern`);
    for (const [weekday, codes] of Object.entries(child.pattern)) {
      for (const code of codes) {
        data.placementDays.push({ placementId, weekday: Number(weekday), dayPartId: part(child.group, code).id });
      }
    }
  }
  /** Day parts the placement schedules for `child` on `day` (closing days and holidays excluded). */
  const scheduled = (child: ChildKey, day: Date): string[] => {
    const spec = CHILDREN[child];
    if (day < spec.start || (spec.end && day > spec.end) || !isOpen(day, childLocation(child))) return [];
    return spec.pattern[isoWeekday(day)] ?? [];
  };
  const isScheduled = (child: ChildKey, weekdays?: number[]) => (day: Date) =>
    scheduled(child, day).length > 0 && (!weekdays || weekdays.includes(isoWeekday(day)));
  const isFree = (child: ChildKey, weekdays: number[]) => (day: Date) =>
    isOpen(day, childLocation(child)) && weekdays.includes(isoWeekday(day)) && scheduled(child, day).length === 0;

  // Credits.
  interface CreditState {
    id: string;
    child: ChildKey;
    minutes: number;
    used: number;
    validFrom: Date;
    validUntil: Date;
    restriction: "NONE" | "HOLIDAYS_ONLY" | "SCHOOL_WEEKS_ONLY";
  }
  const credits: Record<string, CreditState> = {};
  const lateCredits: Prisma.CreditCreateManyInput[] = [];
  const addCredit = (
    key: string,
    child: ChildKey,
    spec: {
      kind: "SWAP" | "MAKE_UP" | "GRANTED";
      minutes: number;
      validFrom: Date;
      validUntil: Date;
      restriction?: CreditState["restriction"];
      note: string;
      createdAt: Date;
    },
  ) => {
    const id = randomUUID();
    credits[key] = { id, child, minutes: spec.minutes, used: 0, validFrom: spec.validFrom, validUntil: spec.validUntil, restriction: spec.restriction ?? "NONE" };
    checkPast(spec.createdAt, `credit ${key}`);
    data.credits.push({
      id,
      childId: childId[child],
      kind: spec.kind,
      minutes: spec.minutes,
      validFrom: spec.validFrom,
      validUntil: spec.validUntil,
      restriction: spec.restriction ?? "NONE",
      note: spec.note,
      createdAt: spec.createdAt,
    });
  };
  addCredit("noor.granted", "noor", { kind: "GRANTED", minutes: 330, validFrom: ago(75), validUntil: ahead(30), note: "Extra uren als excuus voor de sluiting door de lekkage", createdAt: at(ago(75), 11) });
  addCredit("noor.swapRest", "noor", { kind: "SWAP", minutes: 180, validFrom: ago(12), validUntil: ahead(80), note: "Resterende ruiluren: te weinig voor een heel dagdeel", createdAt: at(ago(12), 9) });
  addCredit("noor.expired", "noor", { kind: "MAKE_UP", minutes: 360, validFrom: ago(110), validUntil: ago(10), note: "Inhaaluren (verlopen)", createdAt: at(ago(110), 8) });
  addCredit("sem.holidays", "sem", { kind: "GRANTED", minutes: 270, validFrom: ago(30), validUntil: ahead(150), restriction: "HOLIDAYS_ONLY", note: "Alleen te gebruiken in de schoolvakanties", createdAt: at(ago(30), 14) });
  addCredit("sem.makeUp", "sem", { kind: "MAKE_UP", minutes: 270, validFrom: ago(40), validUntil: ahead(50), note: "Inhaaluren", createdAt: at(ago(40), 10) });
  addCredit("tess.granted", "tess", { kind: "GRANTED", minutes: 360, validFrom: ago(20), validUntil: ahead(70), note: "Tegoed na wenperiode", createdAt: at(ago(20), 10) });

  // Requests and items.
  const activeAdds = new Set<string>();
  const removals = new Set<string>();
  interface ItemSpec {
    child: ChildKey;
    date: Date;
    code: string;
    direction?: "ADD" | "REMOVE";
    status: ItemStatus;
    payment?: PaymentMethod;
    credit?: string;
    rejectionReason?: string;
    assessedBy?: DemoEmail;
    assessedAt?: Date;
    cancelledBy?: DemoEmail;
    cancelledAt?: Date;
    /** Absences: a make-up credit earned by this item (policy: timely notice, SICK/HOLIDAY). */
    earnsCredit?: boolean;
  }
  interface RequestSpec {
    family: FamilyKey;
    by: DemoEmail;
    kind: "EXTRA_DAY" | "SWAP_DAY" | "ABSENCE";
    createdAt: Date;
    assessAsWhole?: boolean;
    expiresOn?: Date;
    absenceReason?: "SICK" | "HOLIDAY" | "OTHER";
    comment?: string;
    items: ItemSpec[];
  }
  const requestItemsByKey: Record<string, string[]> = {};
  let requestCounter = 0;
  const addRequest = (key: string, spec: RequestSpec) => {
    const id = randomUUID();
    checkPast(spec.createdAt, `request ${key}`);
    check(FAMILIES[spec.family].guardians.some((guardian) => guardian.email === spec.by), `${key}: made by a guardian of the family`);
    const dates = spec.items.map((item) => item.date.getTime());
    const periodStart = new Date(Math.min(...dates));
    const periodEnd = new Date(Math.max(...dates));
    if (spec.assessAsWhole) check(periodStart.getTime() === periodEnd.getTime(), `${key}: assess as a whole needs a single date`);
    if (spec.expiresOn) check(spec.expiresOn <= periodStart, `${key}: expires before the first date`);
    check((spec.kind === "ABSENCE") === Boolean(spec.absenceReason), `${key}: absence reason only on absences`);
    requestItemsByKey[key] = [];
    data.requests.push({
      id,
      familyId: familyId[spec.family],
      kind: spec.kind,
      createdById: uid(spec.by),
      idempotencyKey: `demo-seed-${++requestCounter}-${key}`,
      assessAsWhole: spec.assessAsWhole ?? false,
      expiresOn: spec.expiresOn ?? null,
      absenceReason: spec.absenceReason ?? null,
      comment: spec.comment ?? null,
      periodStart,
      periodEnd,
      completedNotifiedAt: spec.items.every((item) => item.status !== "PENDING")
        ? new Date(Math.max(...spec.items.map((item) => (item.assessedAt ?? item.cancelledAt ?? spec.createdAt).getTime())))
        : null,
      createdAt: spec.createdAt,
    });
    // The in-app notifications the app would have sent (lib/notify): "assessed" once nothing
    // is pending and something was approved or rejected, "expired" for what was withdrawn. Older than
    // two weeks: already read.
    const tell = (event: "REQUEST_ASSESSED" | "REQUEST_EXPIRED", at: Date, payload: Prisma.InputJsonValue) => {
      for (const guardian of FAMILIES[spec.family].guardians) {
        data.notifications.push({
          userId: uid(guardian.email),
          event,
          url: `/agenda/requests/${id}`,
          data: payload,
          createdAt: at,
          readAt: at.getTime() < startOfToday.getTime() - 14 * 86_400_000 ? new Date(at.getTime() + 90 * 60_000) : null,
        });
      }
    };
    if (spec.kind !== "ABSENCE") {
      const expired = spec.items.filter((item) => item.status === "EXPIRED");
      if (expired.length > 0 && spec.expiresOn) {
        tell("REQUEST_EXPIRED", amsterdamInstant(spec.expiresOn, 0), {
          requestId: id, kind: spec.kind, items: expired.length, expiresOn: formatDay(spec.expiresOn), reason: "EXPIRES_ON",
        });
      }
      const assessed = spec.items.filter((item) => item.assessedAt);
      if (spec.items.every((item) => item.status !== "PENDING") && assessed.length > 0) {
        tell("REQUEST_ASSESSED", new Date(Math.max(...assessed.map((item) => item.assessedAt!.getTime()))), {
          requestId: id, kind: spec.kind, periodStart: formatDay(periodStart), periodEnd: formatDay(periodEnd),
        });
      }
    }
    for (const item of spec.items) {
      const child = CHILDREN[item.child];
      const dp = part(child.group, item.code);
      const direction = item.direction ?? (spec.kind === "ABSENCE" ? "REMOVE" : "ADD");
      const slot = `${item.child}|${formatDay(item.date)}|${item.code}`;
      const where = `${key} ${slot}`;
      check(isOpen(item.date, childLocation(item.child)), `${where}: location closed`);
      check(item.date >= child.start && (!child.end || item.date <= child.end), `${where}: outside the placement`);
      const minutes = dp.end - dp.start;
      if (direction === "ADD") {
        check(!scheduled(item.child, item.date).includes(item.code), `${where}: already scheduled`);
        if (["PENDING", "APPROVED"].includes(item.status)) {
          check(!activeAdds.has(slot), `${where}: requested twice`);
          activeAdds.add(slot);
        }
        check(item.payment, `${where}: payment`);
        if (item.payment === "FLEX") {
          check(child.contract === "FLEX", `${where}: flex payment without a flex contract`);
          // Flex days for month M must be requested before the 1st of month M−1 (seed 003).
          check(spec.createdAt < amsterdamInstant(firstOfMonth(item.date, -1), 0), `${where}: flex day requested too late`);
        }
      } else {
        check(scheduled(item.child, item.date).includes(item.code), `${where}: removing care that is not scheduled`);
        check(!removals.has(slot), `${where}: removed twice`);
        removals.add(slot);
        check(!item.payment && !item.credit, `${where}: a removal is not paid`);
      }
      if (item.status === "PENDING") check(item.date > today, `${where}: pending items lie in the future`);
      if (item.status === "APPROVED" || item.status === "REJECTED") {
        check(item.assessedBy && item.assessedAt && item.assessedAt > spec.createdAt, `${where}: assessed after the request`);
        checkPast(item.assessedAt, where);
      }
      if (item.status === "REJECTED") check(item.rejectionReason, `${where}: a rejection has a reason`);
      if (item.status === "CANCELLED") {
        check(item.cancelledBy && item.cancelledAt && item.cancelledAt > spec.createdAt, `${where}: cancelled after the request`);
        checkPast(item.cancelledAt, where);
      }
      check((spec.kind === "ABSENCE") === (item.status === "REGISTERED"), `${where}: absences are registered, nothing else is`);
      let creditId: string | null = null;
      if (item.credit) {
        const credit = credits[item.credit];
        check(credit && credit.child === item.child, `${where}: credit belongs to the child`);
        check(item.payment === "CREDIT", `${where}: credit id without credit payment`);
        // One credit pays a whole day part or nothing (no mixing, seed 002/003).
        check(credit.minutes - credit.used >= minutes, `${where}: credit does not cover the day part`);
        check(item.date >= credit.validFrom && item.date <= credit.validUntil, `${where}: credit not valid on the date`);
        check(restrictionFits(credit.restriction, formatDay(item.date), isSchoolHoliday), `${where}: credit restricted on the date`);
        // A pending item holds its credit, so it cannot be offered twice; approval keeps it, rejection frees it.
        if (item.status === "PENDING" || item.status === "APPROVED") credit.used += minutes;
        creditId = credit.id;
      }
      const itemId = randomUUID();
      requestItemsByKey[key]!.push(itemId);
      data.requestItems.push({
        id: itemId,
        requestId: id,
        childId: childId[item.child],
        groupId: groupId[child.group],
        dayPartId: dp.id,
        date: item.date,
        direction,
        startMinute: dp.start,
        endMinute: dp.end,
        status: item.status,
        priceCents: direction === "ADD" && (item.payment === "INVOICE" || item.payment === "CREDIT") ? Math.round((minutes * child.rate) / 60) : null,
        payment: direction === "ADD" ? item.payment : null,
        creditId,
        rejectionReason: item.rejectionReason ?? null,
        assessedById: item.assessedBy ? uid(item.assessedBy) : null,
        assessedAt: item.assessedAt ?? null,
        cancelledById: item.cancelledBy ? uid(item.cancelledBy) : null,
        cancelledAt: item.cancelledAt ?? null,
        createdAt: spec.createdAt,
        updatedAt: item.assessedAt ?? item.cancelledAt ?? spec.createdAt,
      });
      if (item.earnsCredit) {
        check(spec.kind === "ABSENCE" && (spec.absenceReason === "SICK" || spec.absenceReason === "HOLIDAY"), `${where}: only timely sick/holiday absences earn credits`);
        check(amsterdamInstant(item.date, dp.start).getTime() - spec.createdAt.getTime() >= 24 * 3_600_000, `${where}: notice too short for make-up hours`);
        const validFrom = amsterdamDay(spec.createdAt);
        lateCredits.push({
          id: randomUUID(),
          childId: childId[item.child],
          kind: "MAKE_UP",
          minutes,
          validFrom,
          validUntil: addDays(validFrom, 90),
          restriction: "NONE",
          sourceItemId: itemId,
          note: `Inhaaluren voor afwezigheid op ${formatDay(item.date)}`,
          createdAt: spec.createdAt,
        });
      }
    }
  };
  const planner = "planner@demo.ouderportaal.nl" as const;
  const admin = "admin@demo.ouderportaal.nl" as const;
  const laura = "ouder@demo.ouderportaal.nl" as const;
  const thomas = "ouder2@demo.ouderportaal.nl" as const;

  // De Boer — Noor (Dolfijnen, Mon/Tue/Thu) and Sem (Avonturiers, Mon/Tue/Thu).
  {
    // A past Wednesday for both children, assessed as a whole and approved; Noor's afternoon paid with a credit.
    const wed = find(ago(16), (day) => isFree("noor", [3])(day) && isFree("sem", [3])(day), -1);
    addRequest("deBoer.extraApproved", {
      family: "deBoer",
      by: laura,
      kind: "EXTRA_DAY",
      createdAt: at(addDays(wed, -8), 20, 41),
      assessAsWhole: true,
      comment: "Ik moet die dag naar een congres in Amsterdam.",
      items: [
        { child: "noor", date: wed, code: "MORNING", status: "APPROVED", payment: "INVOICE", assessedBy: planner, assessedAt: at(addDays(wed, -7), 9, 12) },
        { child: "noor", date: wed, code: "AFTERNOON", status: "APPROVED", payment: "CREDIT", credit: "noor.granted", assessedBy: planner, assessedAt: at(addDays(wed, -7), 9, 12) },
        { child: "sem", date: wed, code: "NSO", status: "APPROVED", payment: "INVOICE", assessedBy: planner, assessedAt: at(addDays(wed, -7), 9, 12) },
      ],
    });
    const fri = find(ago(7), isFree("noor", [5]), -1);
    addRequest("deBoer.extraRejected", {
      family: "deBoer",
      by: laura,
      kind: "EXTRA_DAY",
      createdAt: at(addDays(fri, -6), 13, 5),
      items: [
        { child: "noor", date: fri, code: "MORNING", status: "REJECTED", payment: "INVOICE", rejectionReason: "De groep is op deze dag helaas vol.", assessedBy: planner, assessedAt: at(addDays(fri, -5), 10, 30) },
        { child: "noor", date: fri, code: "AFTERNOON", status: "REJECTED", payment: "INVOICE", rejectionReason: "De groep is op deze dag helaas vol.", assessedBy: planner, assessedAt: at(addDays(fri, -5), 10, 30) },
      ],
    });
    // Swap: give up a Thursday, get the Wednesday before it.
    const swapFrom = find(ago(9), (day) => isScheduled("noor", [4])(day) && isFree("noor", [3])(addDays(day, -1)) && !activeAdds.has(`noor|${formatDay(addDays(day, -1))}|MORNING`), -1);
    const swapTo = addDays(swapFrom, -1);
    addRequest("deBoer.swapApproved", {
      family: "deBoer",
      by: thomas,
      kind: "SWAP_DAY",
      createdAt: at(addDays(swapTo, -10), 21, 3),
      comment: "Oma past die donderdag op Noor.",
      items: [
        { child: "noor", date: swapFrom, code: "MORNING", direction: "REMOVE", status: "APPROVED", assessedBy: admin, assessedAt: at(addDays(swapTo, -9), 11) },
        { child: "noor", date: swapFrom, code: "AFTERNOON", direction: "REMOVE", status: "APPROVED", assessedBy: admin, assessedAt: at(addDays(swapTo, -9), 11) },
        { child: "noor", date: swapTo, code: "MORNING", direction: "ADD", status: "APPROVED", payment: "SWAP", assessedBy: admin, assessedAt: at(addDays(swapTo, -9), 11) },
      ],
    });
    // A sick day this week or last (reported the same morning: no make-up hours).
    const sick = find(ago(3), (day) => isScheduled("noor")(day) && day.getTime() !== swapFrom.getTime(), -1);
    addRequest("deBoer.sick", {
      family: "deBoer",
      by: laura,
      kind: "ABSENCE",
      absenceReason: "SICK",
      createdAt: at(sick, 6, 48),
      comment: "Noor heeft koorts.",
      items: [
        { child: "noor", date: sick, code: "MORNING", status: "REGISTERED" },
        { child: "noor", date: sick, code: "AFTERNOON", status: "REGISTERED" },
      ],
    });
    // An expired request three weeks ago.
    const expiredDate = find(ago(20), (day) => isFree("noor", [5])(day) && day.getTime() !== fri.getTime(), -1);
    addRequest("deBoer.expired", {
      family: "deBoer",
      by: laura,
      kind: "EXTRA_DAY",
      createdAt: at(addDays(expiredDate, -9), 19, 30),
      expiresOn: addDays(expiredDate, -2),
      items: [{ child: "noor", date: expiredDate, code: "MORNING", status: "EXPIRED", payment: "INVOICE" }],
    });
    // A holiday Monday, reported in time: make-up hours for every day part.
    const holiday = find(ahead(17), (day) => isScheduled("noor", [1])(day) && isScheduled("sem", [1])(day));
    addRequest("deBoer.holiday", {
      family: "deBoer",
      by: thomas,
      kind: "ABSENCE",
      absenceReason: "HOLIDAY",
      createdAt: at(ago(3), 21, 17),
      comment: "Lang weekend naar Texel.",
      items: [
        { child: "noor", date: holiday, code: "MORNING", status: "REGISTERED", earnsCredit: true },
        { child: "noor", date: holiday, code: "AFTERNOON", status: "REGISTERED", earnsCredit: true },
        { child: "sem", date: holiday, code: "VSO", status: "REGISTERED", earnsCredit: true },
        { child: "sem", date: holiday, code: "NSO", status: "REGISTERED", earnsCredit: true },
      ],
    });
    // Pending: both children on one Wednesday, assessed as a whole, expiring two days before.
    const pendingWed = find(ahead(8), (day) => isFree("noor", [3])(day) && isFree("sem", [3])(day) && day > addDays(today, 3));
    addRequest("deBoer.extraPending", {
      family: "deBoer",
      by: laura,
      kind: "EXTRA_DAY",
      createdAt: at(ago(2), 20, 12),
      assessAsWhole: true,
      expiresOn: addDays(pendingWed, -2),
      comment: "Opa en oma zijn die week op vakantie.",
      items: [
        { child: "noor", date: pendingWed, code: "MORNING", status: "PENDING", payment: "INVOICE" },
        { child: "noor", date: pendingWed, code: "AFTERNOON", status: "PENDING", payment: "INVOICE" },
        { child: "sem", date: pendingWed, code: "NSO", status: "PENDING", payment: "CREDIT", credit: "sem.makeUp" },
      ],
    });
    // Pending swap: Thursday → Friday of the same week.
    const swapThu = find(ahead(12), (day) => isScheduled("noor", [4])(day) && isFree("noor", [5])(addDays(day, 1)));
    addRequest("deBoer.swapPending", {
      family: "deBoer",
      by: laura,
      kind: "SWAP_DAY",
      createdAt: at(ago(1), 8, 55),
      comment: "Ik heb die donderdag een cursus; vrijdag ben ik vrij.",
      items: [
        { child: "noor", date: swapThu, code: "MORNING", direction: "REMOVE", status: "PENDING" },
        { child: "noor", date: swapThu, code: "AFTERNOON", direction: "REMOVE", status: "PENDING" },
        { child: "noor", date: addDays(swapThu, 1), code: "MORNING", direction: "ADD", status: "PENDING", payment: "SWAP" },
        { child: "noor", date: addDays(swapThu, 1), code: "AFTERNOON", direction: "ADD", status: "PENDING", payment: "SWAP" },
      ],
    });
    // Cancelled by the parent while it was still pending.
    const cancelDay = find(ahead(3), isFree("sem", [3, 5]));
    addRequest("deBoer.cancelled", {
      family: "deBoer",
      by: laura,
      kind: "EXTRA_DAY",
      createdAt: at(ago(6), 12, 20),
      items: [{ child: "sem", date: cancelDay, code: "VSO", status: "CANCELLED", payment: "INVOICE", cancelledBy: laura, cancelledAt: at(ago(5), 7, 45) }],
    });
  }

  // Mulder — Lucas on a flex contract (no weekly pattern: every day is requested and paid with flex hours).
  {
    const recent1 = find(ago(2), (day) => isFree("lucas", [2, 4])(day), -1);
    const recent2 = find(addDays(recent1, -2), (day) => isFree("lucas", [1, 2, 3, 4, 5])(day), -1);
    addRequest("mulder.flexPast", {
      family: "mulder",
      by: "flex@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(addDays(firstOfMonth(recent2, -1), -6), 21, 40),
      items: [recent2, recent1].flatMap((date) =>
        full.map((code) => ({ child: "lucas" as const, date, code, status: "APPROVED" as const, payment: "FLEX" as const, assessedBy: planner, assessedAt: at(addDays(firstOfMonth(recent2, -1), -4), 9, 30) })),
      ),
    });
    const nextMonth = find(firstOfMonth(today, 1), (day) => isFree("lucas", [2])(day));
    addRequest("mulder.flexNextMonth", {
      family: "mulder",
      by: "flex@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(addDays(firstOfMonth(today), -5), 20, 5),
      items: full.map((code) => ({ child: "lucas" as const, date: nextMonth, code, status: "APPROVED" as const, payment: "FLEX" as const, assessedBy: planner, assessedAt: at(addDays(firstOfMonth(today), -3), 10) })),
    });
    const inTwoMonths = find(firstOfMonth(today, 2), (day) => isFree("lucas", [2, 4])(day));
    const inTwoMonthsB = find(addDays(inTwoMonths, 1), (day) => isFree("lucas", [2, 4])(day));
    addRequest("mulder.flexPending", {
      family: "mulder",
      by: "flex@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(ago(1), 21, 10),
      items: [inTwoMonths, inTwoMonthsB].flatMap((date) => full.map((code) => ({ child: "lucas" as const, date, code, status: "PENDING" as const, payment: "FLEX" as const }))),
    });
  }

  // Van den Berg — Julia's placement ended three weeks ago; her history stays visible.
  {
    const sick = find(addDays(endedOn, -14), isScheduled("julia"), -1);
    addRequest("vandenBerg.sick", {
      family: "vandenBerg",
      by: "oud@demo.ouderportaal.nl",
      kind: "ABSENCE",
      absenceReason: "SICK",
      createdAt: at(sick, 7, 2),
      items: full.map((code) => ({ child: "julia" as const, date: sick, code, status: "REGISTERED" as const })),
    });
    const extra = find(addDays(endedOn, -35), isFree("julia", [1, 2]), -1);
    addRequest("vandenBerg.extra", {
      family: "vandenBerg",
      by: "oud@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(addDays(extra, -12), 19),
      items: [{ child: "julia", date: extra, code: "MORNING", status: "APPROVED", payment: "INVOICE", assessedBy: planner, assessedAt: at(addDays(extra, -11), 9, 40) }],
    });
  }

  // Meijer — Mila (Vlinders, Noord): a timely holiday absence with make-up hours, and a pending period request.
  {
    const holiday = find(ago(12), isScheduled("mila", [2, 3, 5]), -1);
    addRequest("meijer.holiday", {
      family: "meijer",
      by: "anouk.meijer@demo.ouderportaal.nl",
      kind: "ABSENCE",
      absenceReason: "HOLIDAY",
      createdAt: at(addDays(holiday, -9), 20, 30),
      items: full.map((code) => ({ child: "mila" as const, date: holiday, code, status: "REGISTERED" as const, earnsCredit: true })),
    });
    const monday = find(ahead(6), isFree("mila", [1]));
    const thursday = find(addDays(monday, 1), isFree("mila", [4]));
    addRequest("meijer.extraPeriod", {
      family: "meijer",
      by: "anouk.meijer@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(ago(1), 13, 25),
      comment: "Ik werk die week extra diensten in het ziekenhuis.",
      items: [
        { child: "mila", date: monday, code: "MORNING", status: "PENDING", payment: "INVOICE" },
        { child: "mila", date: thursday, code: "MORNING", status: "PENDING", payment: "INVOICE" },
      ],
    });
  }

  // Bos — Tess: a pending extra morning paid with a credit.
  {
    const friday = find(ahead(4), isFree("tess", [5]));
    addRequest("bos.extraCredit", {
      family: "bos",
      by: "jeroen.bos@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(ago(2), 7, 35),
      items: [{ child: "tess", date: friday, code: "MORNING", status: "PENDING", payment: "CREDIT", credit: "tess.granted" }],
    });
  }

  // Kaya — Emir pending NSO; Zeynep away for a family visit (reason "other": no make-up hours).
  {
    const friday = find(ahead(5), isFree("emir", [1, 3, 5]));
    addRequest("kaya.extraPending", {
      family: "kaya",
      by: "elif.kaya@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(ago(3), 22, 2),
      items: [{ child: "emir", date: friday, code: "NSO", status: "PENDING", payment: "INVOICE" }],
    });
    const monday = find(ahead(30), isScheduled("zeynep", [1]));
    const tuesday = find(addDays(monday, 1), isScheduled("zeynep", [2]));
    addRequest("kaya.absence", {
      family: "kaya",
      by: "elif.kaya@demo.ouderportaal.nl",
      kind: "ABSENCE",
      absenceReason: "OTHER",
      createdAt: at(ago(4), 19, 50),
      comment: "Familiebezoek in Turkije.",
      items: [
        ...scheduled("zeynep", monday).map((code) => ({ child: "zeynep" as const, date: monday, code, status: "REGISTERED" as const })),
        ...scheduled("zeynep", tuesday).map((code) => ({ child: "zeynep" as const, date: tuesday, code, status: "REGISTERED" as const })),
      ],
    });
    const past = find(ago(25), isFree("emir", [1, 3, 5]), -1);
    addRequest("kaya.extraApproved", {
      family: "kaya",
      by: "elif.kaya@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(addDays(past, -5), 12),
      items: [{ child: "emir", date: past, code: "NSO", status: "APPROVED", payment: "INVOICE", assessedBy: admin, assessedAt: at(addDays(past, -4), 15, 10) }],
    });
  }

  // Dijkstra — Luuk: a rejected Friday and a pending one that expires soon.
  {
    const pastFriday = find(ago(10), isFree("luuk", [5]), -1);
    addRequest("dijkstra.rejected", {
      family: "dijkstra",
      by: "rik.dijkstra@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(addDays(pastFriday, -4), 18, 30),
      items: [{ child: "luuk", date: pastFriday, code: "NSO", status: "REJECTED", payment: "INVOICE", rejectionReason: "Er is op vrijdag geen tweede pedagogisch medewerker beschikbaar.", assessedBy: planner, assessedAt: at(addDays(pastFriday, -3), 11, 5) }],
    });
    const friday = find(ahead(4), isFree("luuk", [5]));
    addRequest("dijkstra.pending", {
      family: "dijkstra",
      by: "rik.dijkstra@demo.ouderportaal.nl",
      kind: "EXTRA_DAY",
      createdAt: at(ago(2), 21, 48),
      expiresOn: addDays(friday, -1),
      items: [{ child: "luuk", date: friday, code: "NSO", status: "PENDING", payment: "INVOICE" }],
    });
  }

  for (const credit of Object.values(credits)) {
    const row = data.credits.find((candidate) => candidate.id === credit.id)!;
    row.usedMinutes = credit.used;
  }
  data.credits.push(...lateCredits);

  // Diary entries: the last ~10 days the children actually came (pattern + approved extras − absences).
  const attended = (child: ChildKey, day: Date): boolean => {
    const slots = new Set(scheduled(child, day));
    for (const item of data.requestItems) {
      if (item.childId !== childId[child] || formatDay(item.date as Date) !== formatDay(day)) continue;
      const code = data.dayParts.find((dp) => dp.id === item.dayPartId)!.code;
      if (item.direction === "ADD" && item.status === "APPROVED") slots.add(code);
      if (item.direction === "REMOVE" && (item.status === "APPROVED" || item.status === "REGISTERED")) slots.delete(code);
    }
    return slots.size > 0;
  };
  const recentDays = (child: ChildKey, count: number, from = ago(1), until = ago(10)): Date[] => {
    const days: Date[] = [];
    for (let day = from; day >= until && days.length < count; day = addDays(day, -1)) if (attended(child, day)) days.push(day);
    return days;
  };
  const DIARY_TEXTS: Record<AgeBand, string[]> = {
    baby: [
      "{name} heeft vandaag goed gegeten: een hele boterham en een halve banaan. Twee keer geslapen, van 9.30 tot 11.00 uur en van 13.30 tot 15.00 uur. Daarna vrolijk gespeeld op de speelmat.",
      "Vandaag hebben we liedjes gezongen. {name} deed enthousiast mee met 'Hoofd, schouders, knie en teen' en kroop daarna de hele groep door. Fles om 12.00 uur helemaal leeg.",
      "{name} was vanochtend wat huilerig bij het afscheid, maar na tien minuten weer helemaal blij. Buiten in de bolderkar een rondje gemaakt en lekker geslapen. Luier om 15.30 uur verschoond.",
    ],
    toddler: [
      "{name} heeft vandaag met vingerverf een prachtig schilderij gemaakt; het hangt nog te drogen en gaat morgen mee naar huis. Aan tafel goed gegeten en een uur geslapen.",
      "We zijn naar de speeltuin gelopen. {name} durfde voor het eerst alleen van de grote glijbaan! Bij het fruit moment twee stukjes appel en een mandarijn gegeten.",
      "{name} speelde vandaag lang in de huishoek en kookte 'soep' voor alle kinderen. Twee keer op het potje geplast, goed bezig!",
    ],
    school: [
      "Na school hebben we hutten gebouwd in de speelzaal. {name} was de architect van de grootste hut. Fruit en een cracker gegeten.",
      "{name} deed vandaag mee aan het voetbaltoernooi op het schoolplein en las daarna rustig in de leeshoek. Huiswerk voor rekenen is af.",
      "Vandaag stond knutselen op het programma: {name} heeft een vogelhuisje getimmerd en beschilderd. Het staat in het bakje bij de kapstok.",
    ],
  };
  const diaryIds: Partial<Record<ChildKey, { id: string; date: Date }[]>> = {};
  let diaryCounter = 0;
  const addDiary = (child: ChildKey, date: Date, author: DemoEmail, body: string, minute: number) => {
    const id = randomUUID();
    const createdAt = at(date, 0, minute);
    checkPast(createdAt, `diary entry of ${child}`);
    data.diaryEntries.push({ id, childId: childId[child], authorId: uid(author), date, body, createdAt, updatedAt: createdAt });
    (diaryIds[child] ??= []).push({ id, date });
    diaryCounter++;
    return id;
  };
  const ACTIVE: ChildKey[] = ["noor", "sem", "lucas", "zeynep", "emir", "luuk", "mila", "tess"];
  ACTIVE.forEach((child, childIndex) => {
    const spec = CHILDREN[child];
    recentDays(child, 3).forEach((day, index) => {
      const text = DIARY_TEXTS[spec.band][(childIndex + index) % 3]!.replaceAll("{name}", spec.firstName);
      addDiary(child, day, staffOf(spec.group), text, spec.band === "school" ? 17 * 60 + 40 - childIndex : 16 * 60 + 10 + childIndex * 3);
    });
  });
  {
    const noorDay = recentDays("noor", 1)[0];
    if (noorDay) {
      addDiary("noor", noorDay, laura, "Noor heeft vannacht onrustig geslapen, er komt een tandje door. Ze kan vandaag wat hangerig zijn; er zit een bijtring in de tas.", 7 * 60 + 5);
    }
    const lastDay = find(endedOn, isScheduled("julia"), -1);
    addDiary(
      "julia",
      lastDay,
      "pm.zeesterren@demo.ouderportaal.nl",
      "Vandaag was Julia's laatste dag bij de Zeesterren. We hebben afscheid gevierd met een feestmuts en pannenkoeken. We gaan je missen, Julia: heel veel plezier op de basisschool!",
      17 * 60,
    );
  }

  // Photos: the last week, respecting every child's permissions (domain.md "Privacy").
  const granted = (child: ChildKey, kind: PermissionKind) => !CHILDREN[child].denied?.includes(kind);
  const scenes: SceneKind[] = ["outdoor", "blocks", "balloons", "rainbow"];
  let photoCounter = 0;
  const addPhoto = (spec: { group: GroupKey; day: Date; tags: ChildKey[]; caption: string; diaryEntryId?: string; minute: number; uploader?: DemoEmail }) => {
    for (const child of spec.tags) {
      check(granted(child, "PHOTOS"), `child ${child} may not be photographed`);
      check(CHILDREN[child].group === spec.group, `child ${child} is not in ${spec.group}`);
    }
    const audience = spec.diaryEntryId === undefined && spec.tags.every((child) => granted(child, "GROUP_PHOTOS")) ? "GROUP" : "TAGGED";
    const takenAt = at(spec.day, 0, spec.minute);
    const createdAt = new Date(takenAt.getTime() + 25 * 60_000);
    checkPast(createdAt, "photo");
    const id = randomUUID();
    const index = photoCounter++;
    data.photos.push({
      row: {
        id,
        groupId: groupId[spec.group],
        uploadedById: uid(spec.uploader ?? staffOf(spec.group)),
        diaryEntryId: spec.diaryEntryId ?? null,
        kind: "PHOTO",
        audience,
        originalName: `IMG_${formatDay(spec.day).replaceAll("-", "")}_${String(1000 + index * 7).padStart(4, "0")}.jpg`,
        caption: spec.caption,
        takenAt,
        createdAt,
      },
      scene: { seed: 7919 * (index + 1), hue: (index * 47 + 15) % 360, kind: scenes[index % scenes.length]! },
    });
    for (const child of spec.tags) data.photoTags.push({ photoId: id, childId: childId[child] });
  };
  const DIARY_CAPTIONS: Record<AgeBand, string> = { baby: "Op de speelmat", toddler: "Aan het knutselen", school: "Na school" };
  for (const child of ACTIVE) {
    if (!granted(child, "PHOTOS")) continue;
    const entries = (diaryIds[child] ?? []).filter((entry) => entry.date >= ago(7));
    entries.slice(0, child === "noor" ? 2 : 1).forEach((entry, index) => {
      addPhoto({ group: CHILDREN[child].group, day: entry.date, tags: [child], caption: `${CHILDREN[child].firstName}: ${DIARY_CAPTIONS[CHILDREN[child].band].toLowerCase()}`, diaryEntryId: entry.id, minute: 10 * 60 + 15 + index * 95 });
    });
  }
  /** Most recent day of the last week the group was open and all `wanted` children came; tags only who came. */
  const groupPhoto = (group: GroupKey, wanted: ChildKey[], caption: string, minute: number, skip = 0) => {
    const location = GROUPS[group].location;
    const candidates: Date[] = [];
    for (let day = ago(1); day >= ago(7); day = addDays(day, -1)) if (isOpen(day, location)) candidates.push(day);
    const best = candidates.filter((day) => wanted.every((child) => attended(child, day)));
    const day = best[skip] ?? best[0] ?? candidates[skip] ?? candidates[0];
    if (!day) return;
    addPhoto({ group, day, tags: wanted.filter((child) => attended(child, day)), caption, minute });
  };
  groupPhoto("dolfijnen", ["noor"], "Buiten spelen in de zandbak", 10 * 60 + 40);
  groupPhoto("dolfijnen", ["noor", "tess"], "Samen fruit eten", 15 * 60 + 5);
  groupPhoto("zeesterren", ["lucas", "zeynep"], "Verven met vingerverf", 11 * 60 + 20);
  groupPhoto("zeesterren", ["zeynep"], "Dansen op muziek", 9 * 60 + 50, 1);
  groupPhoto("avonturiers", ["sem", "emir", "luuk"], "Hutten bouwen in de speelzaal", 16 * 60 + 10);
  groupPhoto("avonturiers", ["luuk", "sem"], "Voetballen op het plein", 15 * 60 + 30, 1);
  groupPhoto("vlinders", [], "Onze nieuwe speelhoek", 12 * 60 + 45);
  groupPhoto("vlinders", [], "De moestuin staat in bloei", 14 * 60 + 20, 2);
  groupPhoto("dolfijnen", [], "Het nieuwe slaapkamertje", 13 * 60 + 10, 3);

  // Message threads: parent ↔ staff, and one message from staff to all families of a group.
  const addThread = (spec: {
    family: FamilyKey;
    group: GroupKey;
    child: ChildKey | null;
    subject: string;
    broadcastId?: string;
    messages: { by: DemoEmail; at: Date; body: string }[];
    readBy: DemoEmail[];
  }) => {
    const id = randomUUID();
    const first = spec.messages[0]!;
    const last = spec.messages[spec.messages.length - 1]!;
    data.threads.push({
      id,
      familyId: familyId[spec.family],
      groupId: groupId[spec.group],
      childId: spec.child ? childId[spec.child] : null,
      subject: spec.subject,
      startedById: uid(first.by),
      broadcastId: spec.broadcastId ?? null,
      createdAt: first.at,
      lastMessageAt: last.at,
    });
    let previous = 0;
    for (const message of spec.messages) {
      checkPast(message.at, `message in ${spec.subject}`);
      check(message.at.getTime() > previous, `messages of ${spec.subject} in order`);
      previous = message.at.getTime();
      data.messages.push({ id: randomUUID(), threadId: id, authorId: uid(message.by), body: message.body, createdAt: message.at });
    }
    for (const reader of spec.readBy) data.threadReads.push({ threadId: id, userId: uid(reader), lastReadAt: new Date(last.at.getTime() + 15 * 60_000) });
    // Authors have read up to their own last message.
    for (const message of [...spec.messages].reverse()) {
      if (spec.readBy.includes(message.by) || data.threadReads.some((read) => read.threadId === id && read.userId === uid(message.by))) continue;
      data.threadReads.push({ threadId: id, userId: uid(message.by), lastReadAt: message.at });
    }
  };
  const sanne = "medewerker@demo.ouderportaal.nl" as const;
  const fatima = "pm.zeesterren@demo.ouderportaal.nl" as const;
  addThread({
    family: "deBoer",
    group: "dolfijnen",
    child: "noor",
    subject: "Slaapje van Noor",
    messages: [
      { by: laura, at: at(ago(4), 7, 52), body: "Goedemorgen! Noor heeft vannacht slecht geslapen. Zouden jullie haar vandaag wat eerder op bed willen leggen?" },
      { by: sanne, at: at(ago(4), 9, 20), body: "Hoi Laura, dat doen we. We houden haar goed in de gaten en laten het je weten als ze niet lekker is." },
      { by: sanne, at: at(ago(4), 14, 5), body: "Noor heeft van 10.00 tot 11.45 uur heerlijk geslapen en is nu weer vrolijk aan het spelen." },
      { by: laura, at: at(ago(4), 14, 31), body: "Fijn om te horen, dank jullie wel!" },
    ],
    readBy: [laura, sanne],
  });
  addThread({
    family: "deBoer",
    group: "avonturiers",
    child: "sem",
    subject: "Sem wordt opgehaald door opa",
    messages: [
      { by: thomas, at: at(ago(2), 12, 40), body: "Hallo, deze week haalt opa (Henk de Boer) Sem op. Hij heeft een blauwe jas en komt met de fiets." },
      { by: "pm.avonturiers@demo.ouderportaal.nl", at: at(ago(1), 16, 2), body: "Dank voor het doorgeven! We vragen opa even naar zijn legitimatie, dat doen we bij iedereen die we nog niet kennen." },
    ],
    readBy: [],
  });
  const broadcastId = randomUUID();
  const tripDay = find(ahead(9), (day) => isOpen(day, "centrum") && isoWeekday(day) === 2);
  for (const family of ["mulder", "kaya"] as const) {
    addThread({
      family,
      group: "zeesterren",
      child: null,
      subject: "Uitje naar de kinderboerderij",
      broadcastId,
      messages: [
        { by: fatima, at: at(ago(3), 13, 30), body: `Beste ouders, op ${nlDate.format(tripDay)} gaan we met de Zeesterren naar kinderboerderij Griftsteede. Wilt u uw kind laarsjes en een regenjas meegeven?` },
        ...(family === "kaya" ? [{ by: "elif.kaya@demo.ouderportaal.nl" as const, at: at(ago(3), 18, 12), body: "Wat leuk! Zeynep heeft er nu al zin in. Laarzen gaan mee." }] : []),
      ],
      readBy: family === "kaya" ? [fatima] : [],
    });
  }
  addThread({
    family: "meijer",
    group: "vlinders",
    child: "mila",
    subject: "Nieuwe slaapzak",
    messages: [
      { by: "pm.vlinders@demo.ouderportaal.nl", at: at(ago(5), 15, 45), body: "Hoi Anouk, Mila's slaapzak wordt wat klein. Kun je een nieuwe meegeven (maat 90)?" },
      { by: "anouk.meijer@demo.ouderportaal.nl", at: at(ago(5), 19, 3), body: "Goed dat jullie het zeggen, ik neem hem dinsdag mee." },
    ],
    readBy: ["pm.vlinders@demo.ouderportaal.nl", "anouk.meijer@demo.ouderportaal.nl"],
  });
  addThread({
    family: "vandenBerg",
    group: "zeesterren",
    child: "julia",
    subject: "Afscheid van Julia",
    messages: [
      { by: "oud@demo.ouderportaal.nl", at: at(addDays(endedOn, -6), 20, 14), body: "Julia wil op haar laatste dag graag pannenkoeken trakteren. Mag dat?" },
      { by: fatima, at: at(addDays(endedOn, -5), 8, 30), body: "Natuurlijk! We maken er samen een feestje van." },
    ],
    readBy: ["oud@demo.ouderportaal.nl", fatima],
  });

  // News, newsletters and information pages.
  const addNews = (spec: { location: LocationKey; author: DemoEmail | null; title: string; body: string; published: Date | null; attachment?: string }) => {
    const id = randomUUID();
    if (spec.published) checkPast(spec.published, `news ${spec.title}`);
    data.newsItems.push({
      id,
      organisationId,
      locationId: locationId[spec.location],
      authorId: spec.author ? uid(spec.author) : null,
      title: spec.title,
      body: spec.body,
      publishedAt: spec.published,
      createdAt: spec.published ?? at(ago(1), 16),
    });
    if (spec.attachment) data.newsAttachments.push({ newsItemId: id, fileId: spec.attachment });
  };
  const parentEvening = find(ahead(16), (day) => isOpen(day, "centrum") && isoWeekday(day) === 4);
  const invitation = addFile("Uitnodiging ouderavond.pdf", {
    kind: "pdf",
    title: "Uitnodiging ouderavond",
    lines: [
      "Kinderopvang De Regenboog - locatie Centrum",
      `Datum: ${nlDate.format(parentEvening)}, 19.30 - 21.00 uur`,
      "Thema: spelen is leren - hoe wij spel stimuleren bij jonge kinderen.",
      "Aanmelden bij de pedagogisch medewerkers van uw groep.",
    ],
  });
  addNews({
    location: "centrum",
    author: admin,
    title: `Studiedag op ${nlDate.format(studyDay)}`,
    body: `Op ${nlDate.format(studyDay)} is De Regenboog gesloten vanwege een studiedag voor alle medewerkers. Op deze dag worden geen uren gerekend en is er geen opvang.`,
    published: at(ago(6), 10),
  });
  addNews({
    location: "centrum",
    author: "pm.centrum@demo.ouderportaal.nl",
    title: "Uitnodiging ouderavond",
    body: `Graag nodigen we u uit voor de ouderavond op ${nlDate.format(parentEvening)}. In de bijlage vindt u het programma.`,
    published: at(ago(2), 11, 30),
    attachment: invitation,
  });
  addNews({
    location: "centrum",
    author: admin,
    title: "Welkom Joyce!",
    body: "Sinds deze maand werkt Joyce Koster bij ons in de flexpool. U ziet haar bij de Dolfijnen en de Zeesterren.",
    published: at(ago(20), 9),
  });
  addNews({ location: "centrum", author: admin, title: "Concept: nieuwe openingstijden", body: "Nog niet gepubliceerd.", published: null });
  addNews({
    location: "noord",
    author: "pm.vlinders@demo.ouderportaal.nl",
    title: "De buitenspeelplaats is vernieuwd",
    body: "De kinderen spelen sinds deze week in onze nieuwe tuin met moestuinbakken, een zandbak met overkapping en een kruipbuis.",
    published: at(ago(4), 14),
  });
  addNews({
    location: "noord",
    author: admin,
    title: `Teamdag op ${nlDate.format(teamDayNoord)}`,
    body: `Op ${nlDate.format(teamDayNoord)} is De Regenboog Noord gesloten vanwege een teamdag.`,
    published: at(ago(8), 9, 30),
  });
  for (const [location, months] of [["centrum", [0, 1]], ["noord", [0]]] as const) {
    for (const monthsBack of months) {
      const month = firstOfMonth(today, -monthsBack);
      const name = nlMonth.format(month);
      const fileId = addFile(`Nieuwsbrief ${name}.pdf`, {
        kind: "pdf",
        title: `Nieuwsbrief ${name}`,
        lines: [LOCATIONS[location].name, "In deze nieuwsbrief: nieuws van de groepen, de activiteitenkalender en de oudercommissie."],
      });
      const published = at(month, 9);
      data.newsletters.push({
        id: randomUUID(),
        organisationId,
        locationId: locationId[location],
        title: `Nieuwsbrief ${name}`,
        fileId,
        publishedAt: published < startOfToday ? published : at(ago(1), 9),
      });
    }
  }
  const pages: Omit<Prisma.InformationPageCreateManyInput, "id" | "organisationId">[] = [
    {
      kind: "PEDAGOGICAL_POLICY",
      slug: "pedagogisch-beleid",
      title: "Pedagogisch beleid",
      sortOrder: 1,
      body:
        "Bij De Regenboog staat het welbevinden van uw kind voorop. Wij werken vanuit vier pedagogische doelen: emotionele veiligheid, persoonlijke competentie, sociale competentie en het overdragen van normen en waarden.\n\n" +
        "Elk kind heeft een vaste mentor die de ontwikkeling volgt en minstens één keer per jaar een oudergesprek voert.\n\n" +
        "Wij werken met vaste gezichten op de groep, een herkenbaar dagritme en veel ruimte voor buiten spelen.",
    },
    {
      kind: "SAFETY_HEALTH_POLICY",
      slug: "veiligheid-en-gezondheid",
      title: "Beleid veiligheid en gezondheid",
      sortOrder: 2,
      body:
        "Wij maken jaarlijks een risico-inventarisatie per locatie. Grote risico's worden weggenomen; met kleine risico's leren kinderen omgaan.\n\n" +
        "Bij koorts boven 38,5 graden bellen wij u om uw kind op te halen. Medicijnen geven wij alleen met een ondertekende verklaring.",
    },
    {
      kind: "GENERAL",
      slug: "openingstijden-en-sluitingsdagen",
      title: "Openingstijden en sluitingsdagen",
      sortOrder: 3,
      body:
        "Het kinderdagverblijf is open van 07.00 tot 18.30 uur. Voorschoolse opvang: 07.00 - 08.30 uur, naschoolse opvang: 14.00 - 18.30 uur.\n\n" +
        "Op de nationale feestdagen en op studiedagen zijn wij gesloten. Op sluitingsdagen worden geen ruil- of inhaaluren opgebouwd.",
    },
    {
      kind: "GENERAL",
      locationId: locationId.noord,
      slug: "wennen-bij-de-vlinders",
      title: "Wennen bij de Vlinders",
      sortOrder: 4,
      body: "In de eerste twee weken komt uw kind twee keer een paar uur wennen. Samen met de mentor maakt u hierover afspraken.",
    },
  ];
  for (const page of pages) data.informationPages.push({ id: randomUUID(), organisationId, ...page });

  // Documents (only guardian 1 sees them).
  const addDocument = (family: FamilyKey, spec: { kind: "INVOICE" | "ANNUAL_STATEMENT" | "CONTRACT" | "RATES"; title: string; issuedOn: Date; amountCents?: number; lines: string[] }) => {
    check(spec.issuedOn <= today, `document ${spec.title} issued in the future`);
    const fileId = addFile(`${spec.title}.pdf`, {
      kind: "pdf",
      title: spec.title,
      lines: [`Gezin ${FAMILIES[family].name}`, `Datum: ${formatDay(spec.issuedOn)}`, ...spec.lines, ...(spec.amountCents ? [`Totaal: ${euro(spec.amountCents)}`] : [])],
    });
    data.documents.push({
      id: randomUUID(),
      familyId: familyId[family],
      kind: spec.kind,
      title: spec.title,
      fileId,
      issuedOn: spec.issuedOn,
      amountCents: spec.amountCents ?? null,
      createdAt: spec.issuedOn < today ? at(spec.issuedOn, 6) : at(ago(1), 18),
    });
  };
  const year = today.getUTCFullYear();
  const statementIssued = today >= new Date(Date.UTC(year, 0, 31)) ? new Date(Date.UTC(year, 0, 31)) : new Date(Date.UTC(year - 1, 0, 31));
  for (const monthsBack of [0, 1, 2]) {
    const month = firstOfMonth(today, -monthsBack);
    addDocument("deBoer", {
      kind: "INVOICE",
      title: `Factuur ${nlMonth.format(month)}`,
      issuedOn: month,
      amountCents: 148_236 + monthsBack * 6_270,
      lines: ["Noor - Dolfijnen - vaste dagdelen", "Sem - Avonturiers - VSO en NSO"],
    });
  }
  addDocument("deBoer", { kind: "ANNUAL_STATEMENT", title: `Jaaropgave ${statementIssued.getUTCFullYear() - 1}`, issuedOn: statementIssued, amountCents: 1_702_455, lines: ["Jaaropgave voor de kinderopvangtoeslag"] });
  addDocument("deBoer", { kind: "CONTRACT", title: "Plaatsingsovereenkomst Noor", issuedOn: addDays(CHILDREN.noor.start, -45), lines: ["Dolfijnen, maandag, dinsdag en donderdag", `Uurtarief ${euro(RATE_KDV)}`] });
  addDocument("deBoer", { kind: "CONTRACT", title: "Plaatsingsovereenkomst Sem", issuedOn: addDays(CHILDREN.sem.start, -45), lines: ["Avonturiers, VSO en NSO op maandag, dinsdag en donderdag", `Uurtarief ${euro(RATE_BSO)}`] });
  addDocument("deBoer", { kind: "RATES", title: `Tarieven ${year}`, issuedOn: new Date(Date.UTC(year, 0, 1)), lines: [`KDV ${euro(RATE_KDV)} per uur`, `BSO ${euro(RATE_BSO)} per uur`, `Flexcontract ${euro(RATE_FLEX)} per uur`] });
  addDocument("mulder", { kind: "CONTRACT", title: "Flexcontract Lucas", issuedOn: addDays(CHILDREN.lucas.start, -30), lines: ["Zeesterren, 400 flexuren per jaar", `Uurtarief ${euro(RATE_FLEX)}`] });
  addDocument("vandenBerg", { kind: "INVOICE", title: `Eindfactuur Julia`, issuedOn: addDays(endedOn, 3), amountCents: 61_832, lines: ["Zeesterren - laatste maand"] });

  // Notification settings of the main demo parent (the defaults, stored explicitly).
  const prefs: [Prisma.NotificationPreferenceCreateManyInput["event"], boolean, boolean][] = [
    ["NEW_MESSAGE", true, true],
    ["NEW_DIARY_ENTRY", true, true],
    ["NEW_PHOTOS", false, true],
    ["NEWS", true, false],
    ["REQUEST_ASSESSED", true, true],
    ["REQUEST_EXPIRED", true, true],
    ["ABSENCE_CONFIRMATION", true, false],
  ];
  for (const [event, email, push] of prefs) data.notificationPreferences.push({ userId: uid(laura), event, email, push });

  // The demo shows Sem's holidays-only credit paying an NSO in the kerstvakantie, whenever a weekday of
  // it on which Sem is free lies in the booking window (not when only its end or start does).
  const horizon = ahead(data.policy.bookingHorizonDays ?? 90);
  const holidaysCredit = credits["sem.holidays"]!;
  const nso = part("avonturiers", "NSO");
  const christmasDays = data.schoolHolidays
    .filter((h) => h.name === "Kerstvakantie")
    .flatMap((h) => Array.from({ length: daysBetween(h.startDate as Date, h.endDate as Date) + 1 }, (_, i) => addDays(h.startDate as Date, i)))
    .filter((day) => day > today && day <= horizon && isFree("sem", [1, 2, 3, 4, 5])(day) && !activeAdds.has(`sem|${formatDay(day)}|NSO`));
  for (const day of christmasDays) {
    check(
      day >= holidaysCredit.validFrom &&
        day <= holidaysCredit.validUntil &&
        holidaysCredit.minutes - holidaysCredit.used >= nso.end - nso.start &&
        restrictionFits(holidaysCredit.restriction, formatDay(day), isSchoolHoliday),
      `Sem's holidays credit pays an NSO on ${formatDay(day)} in the kerstvakantie`,
    );
  }

  check(diaryCounter > 0 && data.photos.length >= 12, "enough diary entries and photos");
  check(daysBetween(CHILDREN.julia.end!, today) === 21, "Julia's placement ended 21 days ago");
  // Each parent's newest notification is still new, so the bell has something to show.
  const newest = new Map<string, Prisma.NotificationCreateManyInput>();
  for (const n of data.notifications) {
    const seen = newest.get(n.userId);
    if (!seen || (n.createdAt as Date).getTime() > (seen.createdAt as Date).getTime()) newest.set(n.userId, n);
  }
  for (const n of newest.values()) n.readAt = null;

  return data;
}

// ─── Writer ──────────────────────────────────────────────────────────────────

export interface SeedOptions {
  /** Folder for originals and files (the app's STORAGE_DIR). */
  storageDir: string;
  /** The day the demo is built around: "YYYY-MM-DD" or an instant (its day in Europe/Amsterdam). Default: today. */
  today?: Date | string;
}

export interface SeedResult {
  /** false: the demo organisation already existed and nothing was written. */
  created: boolean;
  organisationId: string;
  counts: Record<string, number>;
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";

/** Seeds the demo organisation unless it exists. Safe to run on every start. */
export async function seedDemoData(prisma: PrismaClient, options: SeedOptions): Promise<SeedResult> {
  const existing = await prisma.organisation.findUnique({ where: { slug: DEMO_ORGANISATION_SLUG }, select: { id: true } });
  if (existing) return { created: false, organisationId: existing.id, counts: {} };

  const data = buildDemoData(options.today);

  // Files first: content-addressed, so a failed transaction leaves nothing wrong behind.
  const [photos, files, hashes] = await Promise.all([
    Promise.all(
      data.photos.map(async ({ row, scene }): Promise<Prisma.PhotoCreateManyInput> => {
        const image = await renderSceneJpeg(scene);
        const blob = await storeContentAddressed(options.storageDir, "originals", "jpg", image.data);
        return { ...row, ...blob, mimeType: "image/jpeg", width: image.width, height: image.height };
      }),
    ),
    Promise.all(
      data.files.map(async (file): Promise<Prisma.StoredFileCreateManyInput> => {
        const content = file.content;
        const [buffer, ext, mimeType] =
          content.kind === "pdf"
            ? [minimalPdf(content.title, content.lines), "pdf", "application/pdf"]
            : [(await renderAvatarJpeg(content.hue)).data, "jpg", "image/jpeg"];
        const blob = await storeContentAddressed(options.storageDir, "files", ext, buffer);
        return {
          id: file.id,
          organisationId: data.organisation.id,
          storageKey: blob.storageKey,
          sha256: blob.sha256,
          bytes: blob.bytes,
          mimeType,
          originalName: file.originalName,
          createdAt: amsterdamInstant(addDays(data.today, -30), 9 * 60),
        };
      }),
    ),
    Promise.all(data.users.map((user) => (user.activated ? hashPassword(DEMO_PASSWORD) : Promise.resolve(null)))),
  ]);
  check(new Set(files.map((file) => file.storageKey)).size === files.length, "every stored file has its own content");

  const users: Prisma.UserCreateManyInput[] = data.users.map((user, index) => {
    const row: Prisma.UserCreateManyInput & { activated?: boolean } = { ...user, passwordHash: hashes[index] ?? null };
    delete row.activated;
    return row;
  });

  try {
    await prisma.$transaction(
      async (tx) => {
        await tx.organisation.create({ data: data.organisation });
        await tx.organisationPolicy.create({ data: data.policy });
        await tx.location.createMany({ data: data.locations });
        await tx.group.createMany({ data: data.groups });
        await tx.dayPart.createMany({ data: data.dayParts });
        await tx.closingDay.createMany({ data: data.closingDays });
        await tx.schoolHoliday.createMany({ data: data.schoolHolidays });
        await tx.user.createMany({ data: users });
        await tx.storedFile.createMany({ data: files });
        await tx.staffProfile.createMany({ data: data.staffProfiles });
        await tx.staffMembership.createMany({ data: data.staffMemberships });
        await tx.family.createMany({ data: data.families });
        await tx.guardian.createMany({ data: data.guardians });
        await tx.child.createMany({ data: data.children });
        await tx.childPermission.createMany({ data: data.childPermissions });
        await tx.placement.createMany({ data: data.placements });
        await tx.placementDay.createMany({ data: data.placementDays });
        // Credits earned by absence items reference those items, so they follow them.
        const earned = data.credits.filter((credit) => credit.sourceItemId);
        await tx.credit.createMany({ data: data.credits.filter((credit) => !credit.sourceItemId) });
        await tx.request.createMany({ data: data.requests });
        await tx.requestItem.createMany({ data: data.requestItems });
        await tx.credit.createMany({ data: earned });
        await tx.diaryEntry.createMany({ data: data.diaryEntries });
        await tx.photo.createMany({ data: photos });
        await tx.photoTag.createMany({ data: data.photoTags });
        await tx.messageThread.createMany({ data: data.threads });
        await tx.message.createMany({ data: data.messages });
        await tx.threadRead.createMany({ data: data.threadReads });
        await tx.newsItem.createMany({ data: data.newsItems });
        await tx.newsAttachment.createMany({ data: data.newsAttachments });
        await tx.newsletter.createMany({ data: data.newsletters });
        await tx.informationPage.createMany({ data: data.informationPages });
        await tx.document.createMany({ data: data.documents });
        await tx.notificationPreference.createMany({ data: data.notificationPreferences });
        await tx.notification.createMany({ data: data.notifications });
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    // Two starts seeding at the same moment: the other one won, which is just as good.
    if (isUniqueViolation(error)) {
      const winner = await prisma.organisation.findUnique({ where: { slug: DEMO_ORGANISATION_SLUG }, select: { id: true } });
      if (winner) return { created: false, organisationId: winner.id, counts: {} };
    }
    throw error;
  }

  return {
    created: true,
    organisationId: data.organisation.id,
    counts: {
      locations: data.locations.length,
      groups: data.groups.length,
      users: users.length,
      families: data.families.length,
      children: data.children.length,
      requests: data.requests.length,
      requestItems: data.requestItems.length,
      credits: data.credits.length,
      schoolHolidays: data.schoolHolidays.length,
      diaryEntries: data.diaryEntries.length,
      photos: photos.length,
      threads: data.threads.length,
      messages: data.messages.length,
      newsItems: data.newsItems.length,
      files: files.length,
    },
  };
}
