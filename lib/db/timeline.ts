import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { PLANNER_ROLES, STAFF_ROLES } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { diaryReadableChildWhere, diaryVisibleWhere, loadDiaryWindows, type DiaryWindows } from "@/lib/db/diary";
import { visiblePhotosWhere } from "@/lib/db/photo-access";
import { isUuid } from "@/lib/db/shell";
import { diaryReadableEndBound } from "@/lib/domain/diary";
import {
  assembleTimelinePage,
  decodeTimelineCursor,
  encodeTimelineCursor,
  photoSeriesKey,
  type EntryRow,
  type PhotoRow,
  type TimelineKey,
} from "@/lib/domain/timeline";
import { amsterdamIsoDate, parseIsoDate, toIsoDate } from "@/lib/format/date";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PhotoView } from "@/lib/photos/urls";

// "Mijn kind" (seed 002 §3, domain.md "Timeline, diary, photos"): the diary entries and photos a user
// may see, newest first, as one stream of items — a diary entry (with the photos attached to it) or a
// series of photos uploaded for one group on one day. Keyset pagination on (createdAt, id) across both
// tables (lib/domain/timeline.ts): stable while new entries and photos arrive, no OFFSET, and each page
// reads at most limit + 1 entries and MAX_PHOTOS_PER_PAGE + 1 photos through the (…, createdAt, id)
// indexes, however long the history.
//
// Who sees what: diary entries by lib/db/diary.ts (guardians and the group's staff), photos by
// visiblePhotosWhere (lib/db/photo-access.ts). A photo attached to an entry is shown with the entry;
// should a user see such a photo but not its entry, it is shown in its series like any other photo.
// Staff read the same stream per child of their groups (`childId`) and per group (`groupId`: the group's
// children's entries and the group's photos) on their own pages (app/[locale]/staff/…).
// Videos (kind VIDEO, only in diary entries where the organisation enables them: lib/db/photo-upload.ts)
// come with their entry as `videos`, played by <video> (components/photos/diary-videos.tsx), never in
// the photo viewer; loose videos are not shown.

export const TIMELINE_PAGE_SIZE = 20;
/** Photos per page at most: a day with hundreds of photos continues on the next page. */
export const MAX_PHOTOS_PER_PAGE = 60;

/** A photo as the viewer (components/photos/photo-viewer.tsx) takes it. */
export type TimelinePhoto = PhotoView;

/** A video of a diary entry: played from its `original` URL (photoUrl), which answers Range requests. */
export interface TimelineVideo {
  id: string;
  sha256: string;
  mimeType: string;
  /** The caption; "" when there is none. */
  alt: string;
  createdAt: string;
}

export interface TimelineDiaryEntry {
  id: string;
  child: { id: string; firstName: string; lastName: string };
  author: { name: string; isStaff: boolean };
  /** The day the entry is about. */
  date: string;
  body: string;
  createdAt: string;
  photos: TimelinePhoto[];
  /** Oldest first, like the photos. */
  videos: TimelineVideo[];
}

export type TimelineItem =
  | { kind: "DIARY"; key: string; entry: TimelineDiaryEntry }
  | {
      kind: "PHOTOS";
      key: string;
      /** Group and upload day: the same series on a later page is added to this item. */
      seriesKey: string;
      group: { id: string; name: string };
      /** The Amsterdam day the photos were uploaded. */
      day: string;
      /** The tagged children the user may know of (a parent: their own), by first name. */
      childNames: string[];
      /** Newest first. */
      photos: TimelinePhoto[];
    };

export interface TimelinePage {
  items: TimelineItem[];
  /** Pass back to get the next page; null at the end. */
  nextCursor: string | null;
}

export interface TimelineOptions {
  /** Only this child's entries and photos (tagged, or group-wide photos of the child's groups). */
  childId?: string | null;
  /**
   * Staff: only this group's — the entries of the children placed in it (while their diary is readable)
   * and the photos uploaded for it. A group the user does not work in (planners and admins: outside
   * their organisation), or any group for a parent, gives an empty page.
   */
  groupId?: string | null;
  /** From a previous page's nextCursor; absent for the first page. */
  cursor?: string | null;
  limit?: number;
  now?: Date;
}

type Viewer = SessionUser;

const photoSelect = {
  id: true,
  sha256: true,
  width: true,
  height: true,
  caption: true,
  takenAt: true,
  createdAt: true,
} as const satisfies Prisma.PhotoSelect;

type PhotoSelected = Prisma.PhotoGetPayload<{ select: typeof photoSelect }>;

function toTimelinePhoto(p: PhotoSelected): TimelinePhoto {
  return {
    id: p.id,
    sha256: p.sha256,
    width: p.width,
    height: p.height,
    alt: p.caption?.trim() ?? "",
    takenAt: p.takenAt ? p.takenAt.toISOString() : null,
    createdAt: p.createdAt.toISOString(),
    // Seeing a photo includes downloading its original (domain.md "Privacy").
    canDownload: true,
  };
}

const entrySelect = (photoWhere: Prisma.PhotoWhereInput) =>
  ({
    id: true,
    date: true,
    body: true,
    createdAt: true,
    child: { select: { id: true, firstName: true, lastName: true } },
    author: { select: { name: true, role: true } },
    photos: {
      where: photoWhere,
      orderBy: [{ takenAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      select: { ...photoSelect, kind: true, mimeType: true },
    },
  }) as const satisfies Prisma.DiaryEntrySelect;

type EntrySelected = Prisma.DiaryEntryGetPayload<{ select: ReturnType<typeof entrySelect> }>;

function toDiaryEntry(e: EntrySelected): TimelineDiaryEntry {
  return {
    id: e.id,
    child: e.child,
    author: { name: e.author.name, isStaff: STAFF_ROLES.includes(e.author.role) },
    date: toIsoDate(e.date),
    body: e.body,
    createdAt: e.createdAt.toISOString(),
    photos: e.photos.filter((p) => p.kind === "PHOTO").map(toTimelinePhoto),
    videos: e.photos
      .filter((p) => p.kind === "VIDEO")
      .map((p) => ({ id: p.id, sha256: p.sha256, mimeType: p.mimeType, alt: p.caption?.trim() ?? "", createdAt: p.createdAt.toISOString() })),
  };
}

/** Rows strictly older than the cursor in (createdAt, id) order. */
function olderThan(key: TimelineKey | null) {
  if (!key) return {};
  const createdAt = new Date(key.createdAt);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: key.id } }] };
}

const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/**
 * The child filter, when `childId` is a child whose diary the user may read; null for "all children".
 * `false` when the id is not such a child: the caller shows nothing rather than another family's tags.
 */
async function childFilter(user: Viewer, childId: string | null | undefined, windows: DiaryWindows) {
  if (!childId) return null;
  if (!isUuid(childId)) return false;
  const child = await db.child.findFirst({
    where: { AND: [{ id: childId }, diaryReadableChildWhere(user, windows)] },
    select: { id: true, placements: { select: { groupId: true } } },
  });
  if (!child) return false;
  return { childId: child.id, groupIds: [...new Set(child.placements.map((p) => p.groupId))] };
}

/**
 * The group filter, when `groupId` is a group of the staff member (by StaffMembership in the database;
 * planners and admins: any group of their organisation); null for "all groups", `false` for anything else.
 */
async function groupFilter(user: Viewer, groupId: string | null | undefined, windows: DiaryWindows) {
  if (!groupId) return null;
  if (!isUuid(groupId) || !STAFF_ROLES.includes(user.role)) return false;
  const group = await db.group.findFirst({
    where: {
      id: groupId,
      location: { organisationId: user.organisationId },
      ...(PLANNER_ROLES.includes(user.role) ? {} : { staff: { some: { userId: user.id } } }),
    },
    select: { id: true },
  });
  if (!group) return false;
  const readableEnd = parseIsoDate(diaryReadableEndBound(windows.today, windows.readableDaysAfterEnd));
  // Still who reads the entries is diaryVisibleWhere's to say (a planner outside the group reads none).
  const entries: Prisma.DiaryEntryWhereInput = {
    child: { placements: { some: { groupId: group.id, OR: [{ endDate: null }, { endDate: { gte: readableEnd } }] } } },
  };
  return { groupId: group.id, entries };
}

/** One page of the user's timeline (see the top of this file). A malformed cursor gives an empty page. */
export async function getTimelinePage(user: Viewer, opts: TimelineOptions = {}): Promise<TimelinePage> {
  const now = opts.now ?? new Date();
  const limit = Math.min(Math.max(1, Math.floor(opts.limit ?? TIMELINE_PAGE_SIZE)), 100);
  const cursor = opts.cursor ? decodeTimelineCursor(opts.cursor) : null;
  if (opts.cursor && !cursor) return { items: [], nextCursor: null };

  const [windows, photoVisible] = await Promise.all([loadDiaryWindows(user.organisationId, now), visiblePhotosWhere(user, now)]);
  const [filter, inGroup] = await Promise.all([childFilter(user, opts.childId, windows), groupFilter(user, opts.groupId, windows)]);
  if (filter === false || inGroup === false) return { items: [], nextCursor: null };

  const entryVisible = diaryVisibleWhere(user, windows);
  const attachedPhotoWhere: Prisma.PhotoWhereInput = photoVisible;
  // Per group, a photo counts as attached only to an entry this very stream shows.
  const entryShown: Prisma.DiaryEntryWhereInput = inGroup ? { AND: [entryVisible, inGroup.entries] } : entryVisible;
  const entryWhere: Prisma.DiaryEntryWhereInput = {
    AND: [entryShown, filter ? { childId: filter.childId } : {}, olderThan(cursor)],
  };
  const photoWhere: Prisma.PhotoWhereInput = {
    AND: [
      photoVisible,
      { kind: "PHOTO" },
      // Loose photos only: those in an entry the user reads are shown with the entry.
      { OR: [{ diaryEntryId: null }, { diaryEntry: { is: { NOT: entryShown } } }] },
      inGroup ? { groupId: inGroup.groupId } : {},
      filter
        ? {
            OR: [
              { tags: { some: { childId: filter.childId } } },
              // Group-wide photos (no one tagged) of the child's groups.
              { audience: "GROUP", tags: { none: {} }, groupId: { in: filter.groupIds } },
            ],
          }
        : {},
      olderThan(cursor),
    ],
  };

  const isParent = user.role === "PARENT";
  const [entries, photos] = await Promise.all([
    db.diaryEntry.findMany({ where: entryWhere, orderBy: NEWEST_FIRST, take: limit + 1, select: entrySelect(attachedPhotoWhere) }),
    db.photo.findMany({
      where: photoWhere,
      orderBy: NEWEST_FIRST,
      take: MAX_PHOTOS_PER_PAGE + 1,
      select: {
        ...photoSelect,
        group: { select: { id: true, name: true } },
        tags: {
          // A parent learns only which of their own children are tagged.
          where: isParent ? { child: { familyId: user.familyId ?? "" } } : {},
          orderBy: { child: { firstName: "asc" } },
          select: { child: { select: { firstName: true } } },
        },
      },
    }),
  ]);

  type LoosePhoto = (typeof photos)[number];
  const entryRows: EntryRow<EntrySelected>[] = entries.map((e) => ({ createdAt: e.createdAt.toISOString(), id: e.id, entry: e }));
  const photoRows: PhotoRow<LoosePhoto>[] = photos.map((p) => ({
    createdAt: p.createdAt.toISOString(),
    id: p.id,
    seriesKey: photoSeriesKey(p.group.id, amsterdamIsoDate(p.createdAt)),
    photo: p,
  }));
  const page = assembleTimelinePage(entryRows, photoRows, limit, MAX_PHOTOS_PER_PAGE);

  const items: TimelineItem[] = page.items.map((item) => {
    if (item.kind === "DIARY") return { kind: "DIARY", key: `diary:${item.entry.id}`, entry: toDiaryEntry(item.entry) };
    const first = item.photos[0]!;
    return {
      kind: "PHOTOS",
      key: `photos:${item.seriesKey}`,
      seriesKey: item.seriesKey,
      group: first.group,
      day: amsterdamIsoDate(first.createdAt),
      childNames: [...new Set(item.photos.flatMap((p) => p.tags.map((t) => t.child.firstName)))].sort((a, b) => a.localeCompare(b, "nl")),
      photos: item.photos.map(toTimelinePhoto),
    };
  });
  return { items, nextCursor: page.next ? encodeTimelineCursor(page.next) : null };
}

/** One diary entry in full, or null when the user may not read it (the same for one that does not exist). */
export async function getDiaryEntry(user: Viewer, entryId: string, now: Date = new Date()): Promise<TimelineDiaryEntry | null> {
  if (!isUuid(entryId)) return null;
  const [windows, photoVisible] = await Promise.all([loadDiaryWindows(user.organisationId, now), visiblePhotosWhere(user, now)]);
  const entry = await db.diaryEntry.findFirst({
    where: { AND: [{ id: entryId }, diaryVisibleWhere(user, windows)] },
    select: entrySelect(photoVisible),
  });
  return entry ? toDiaryEntry(entry) : null;
}
