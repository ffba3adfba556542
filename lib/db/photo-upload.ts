import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { STAFF_ROLES } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { diaryWritableChildWhere, loadDiaryWindows } from "@/lib/db/diary";
import { canShareWithGroup, canTag, isCurrentPlacement } from "@/lib/domain/photo-visibility";
import { amsterdamIsoDate, parseIsoDate, toIsoDate } from "@/lib/format/date";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PhotoProcessingError, sniffImageType, storePhoto, type PhotoLimits, PHOTO_LIMITS } from "@/lib/server/photos/process";
import { sniffVideoType, storeVideo, VIDEO_LIMITS, type VideoLimits } from "@/lib/server/photos/video";
import { blobStore, type BlobStore } from "@/lib/server/storage/store";
import { notify } from "@/lib/notify";
import type { PhotoUploadMeta } from "@/lib/schemas/photo-upload";

// Uploading one photo (issue 4 §3; domain.md "Timeline, diary, photos", "Privacy"). The route
// app/api/photos/upload/route.ts reads the body (size-limited) and calls uploadPhoto(); this file
// decides everything else, so it is tested against PostgreSQL and a real store:
//
// - Who: staff of the group (by StaffMembership in the database) or a planner/admin of its organisation
//   upload for a group; for a diary entry, whoever may write that child's diary (its guardians, staff of
//   the child's group) — the entry's child is tagged and the audience is TAGGED.
// - Tags: only children placed in the group today, and only with PHOTOS consent (else
//   Photos.errors.noPhotoConsent, naming the child). GROUP only when every tagged child also has
//   GROUP_PHOTOS consent (Photos.errors.groupNeedsConsent).
// - The bytes go through the pipeline (lib/server/photos/process.ts) only after these checks.
// - Video (MP4/WebM, sniffed from the bytes: lib/server/photos/video.ts) only in a diary entry and only
//   when the organisation enables it (OrganisationPolicy.videoInDiaryEnabled), else
//   Photos.errors.videoNotAllowed; stored as it is (no ffmpeg), kind VIDEO, width/height 0.
// - Idempotent per (uploader, clientKey): a retried file returns the first photo, writes nothing.
// - The Photo and its PhotoTags are written in one transaction with the NEW_PHOTOS notifications: one
//   per recipient per upload session (batchId) and group, its count raised by every further photo.

export type UploadCode =
  | "errors.forbidden"
  | "errors.notFound"
  | "errors.conflict"
  | "Photos.errors.noPhotoConsent"
  | "Photos.errors.groupNeedsConsent"
  | "Photos.errors.childNotInGroup"
  | "Photos.errors.videoNotAllowed"
  | "Photos.errors.videoTooLarge"
  | `Photos.errors.${PhotoProcessingError["code"]}`;

export type UploadResult =
  | { ok: true; photoId: string; sha256: string; replayed: boolean }
  | { ok: false; status: number; code: UploadCode; values?: Record<string, string | number> };

type Uploader = Pick<SessionUser, "id" | "role" | "organisationId" | "familyId" | "name">;

export interface UploadOptions {
  store?: BlobStore;
  now?: Date;
  limits?: PhotoLimits;
  videoLimits?: VideoLimits;
}

/** Does the organisation accept videos in diary entries (OrganisationPolicy.videoInDiaryEnabled)? */
export async function videoInDiaryEnabled(organisationId: string): Promise<boolean> {
  const policy = await db.organisationPolicy.findUnique({ where: { organisationId }, select: { videoInDiaryEnabled: true } });
  return policy?.videoInDiaryEnabled ?? false;
}

const isStaff = (user: Pick<SessionUser, "role">) => STAFF_ROLES.includes(user.role);

async function findReplay(uploadedById: string, clientKey: string) {
  return db.photo.findUnique({
    where: { uploadedById_clientKey: { uploadedById, clientKey } },
    select: { id: true, sha256: true, groupId: true, diaryEntryId: true },
  });
}

function replayed(found: { id: string; sha256: string; groupId: string; diaryEntryId: string | null }, meta: PhotoUploadMeta): UploadResult {
  // The same key for another group or entry is not a retry but a misuse of the key.
  if (meta.diaryEntryId ? found.diaryEntryId !== meta.diaryEntryId : found.groupId !== meta.groupId) {
    return { ok: false, status: 409, code: "errors.conflict" };
  }
  return { ok: true, photoId: found.id, sha256: found.sha256, replayed: true };
}

interface Target {
  groupId: string;
  groupName: string;
  diaryEntryId: string | null;
  childIds: string[];
  audience: "TAGGED" | "GROUP";
}

/** Where the photo goes and whom it tags, or why not (nothing is read from the body before this). */
async function resolveTarget(user: Uploader, meta: PhotoUploadMeta, now: Date): Promise<Target | Extract<UploadResult, { ok: false }>> {
  const today = amsterdamIsoDate(now);
  if (meta.diaryEntryId) {
    const windows = await loadDiaryWindows(user.organisationId, now);
    const entry = await db.diaryEntry.findFirst({
      where: { id: meta.diaryEntryId, child: diaryWritableChildWhere(user, windows) },
      select: {
        id: true,
        child: {
          select: {
            id: true,
            placements: {
              // Staff attach as staff of one of their groups; parents in the child's group.
              where: isStaff(user) ? { group: { staff: { some: { userId: user.id } } } } : {},
              orderBy: { startDate: "desc" },
              select: { groupId: true, startDate: true, endDate: true, group: { select: { name: true } } },
            },
          },
        },
      },
    });
    if (!entry) return { ok: false, status: 404, code: "errors.notFound" };
    const spans = entry.child.placements.map((p) => ({ ...p, span: { childId: entry.child.id, groupId: p.groupId, startDate: toIsoDate(p.startDate), endDate: p.endDate ? toIsoDate(p.endDate) : null } }));
    const placement = spans.find((p) => isCurrentPlacement(p.span, today)) ?? spans[0];
    if (!placement) return { ok: false, status: 404, code: "errors.notFound" };
    return { groupId: placement.groupId, groupName: placement.group.name, diaryEntryId: entry.id, childIds: [entry.child.id], audience: "TAGGED" };
  }

  if (!isStaff(user) || !meta.groupId) return { ok: false, status: 403, code: "errors.forbidden" };
  const planner = user.role === "PLANNER" || user.role === "ADMIN";
  const group = await db.group.findFirst({
    where: {
      id: meta.groupId,
      location: { organisationId: user.organisationId },
      ...(planner ? {} : { staff: { some: { userId: user.id } } }),
    },
    select: { id: true, name: true },
  });
  if (!group) return { ok: false, status: 404, code: "errors.notFound" };
  return { groupId: group.id, groupName: group.name, diaryEntryId: null, childIds: [...new Set(meta.childIds)], audience: meta.audience };
}

/** The tagged children, checked: placed in the group today, with consent for what the audience asks. */
async function checkTags(target: Target, today: string): Promise<Extract<UploadResult, { ok: false }> | { familyIds: string[]; names: string[] }> {
  if (target.childIds.length === 0) return { familyIds: [], names: [] };
  const children = await db.child.findMany({
    where: {
      id: { in: target.childIds },
      placements: {
        some: {
          groupId: target.groupId,
          startDate: { lte: parseIsoDate(today) },
          OR: [{ endDate: null }, { endDate: { gte: parseIsoDate(today) } }],
        },
      },
    },
    select: { id: true, firstName: true, familyId: true, permissions: { select: { kind: true, granted: true } } },
  });
  // A diary entry's child keeps its diary for a while after the placement ended; its photos too.
  if (children.length !== target.childIds.length && !target.diaryEntryId) {
    return { ok: false, status: 422, code: "Photos.errors.childNotInGroup" };
  }
  const all = target.diaryEntryId
    ? await db.child.findMany({
        where: { id: { in: target.childIds } },
        select: { id: true, firstName: true, familyId: true, permissions: { select: { kind: true, granted: true } } },
      })
    : children;
  for (const child of all) {
    if (!canTag(child.permissions)) return { ok: false, status: 422, code: "Photos.errors.noPhotoConsent", values: { name: child.firstName } };
  }
  if (target.audience === "GROUP" && !all.every((c) => canShareWithGroup(c.permissions))) {
    const without = all.find((c) => !canShareWithGroup(c.permissions))!;
    return { ok: false, status: 422, code: "Photos.errors.groupNeedsConsent", values: { name: without.firstName } };
  }
  return { familyIds: [...new Set(all.map((c) => c.familyId))], names: all.map((c) => c.firstName).sort((a, b) => a.localeCompare(b, "nl")) };
}

/** Who hears of the photo: the tagged children's guardians, and for GROUP every family placed in the group today. */
async function recipients(tx: Prisma.TransactionClient, target: Target, familyIds: string[], today: string, uploaderId: string): Promise<string[]> {
  const families = new Set(familyIds);
  if (target.audience === "GROUP") {
    const placed = await tx.placement.findMany({
      where: {
        groupId: target.groupId,
        startDate: { lte: parseIsoDate(today) },
        OR: [{ endDate: null }, { endDate: { gte: parseIsoDate(today) } }],
      },
      select: { child: { select: { familyId: true } } },
    });
    for (const p of placed) families.add(p.child.familyId);
  }
  if (families.size === 0) return [];
  const guardians = await tx.guardian.findMany({ where: { familyId: { in: [...families] } }, select: { userId: true } });
  return [...new Set(guardians.map((g) => g.userId))].filter((id) => id !== uploaderId).sort();
}

/**
 * One photo: checks (see the top of this file), the pipeline, the rows and the notifications. `body` is
 * the whole upload, already limited to `limits.maxBytes` by the caller (the pipeline checks it again).
 */
export async function uploadPhoto(user: Uploader, meta: PhotoUploadMeta, body: Buffer, opts: UploadOptions = {}): Promise<UploadResult> {
  const now = opts.now ?? new Date();
  if (!isStaff(user) && !(user.role === "PARENT" && user.familyId)) return { ok: false, status: 403, code: "errors.forbidden" };

  const earlier = await findReplay(user.id, meta.clientKey);
  if (earlier) return replayed(earlier, meta);

  const target = await resolveTarget(user, meta, now);
  if ("ok" in target) return target;
  const today = amsterdamIsoDate(now);
  const tags = await checkTags(target, today);
  if ("ok" in tags) return tags;

  let processed: { sha256: string; storageKey: string; mimeType: string; width: number; height: number; bytes: number; takenAt: Date | null };
  let kind: "PHOTO" | "VIDEO" = "PHOTO";
  // An image is always handled as an image (whatever its name); only what is no image may be a video.
  const video = body.length > 0 && !sniffImageType(body) ? sniffVideoType(body) : null;
  if (video) {
    if (!target.diaryEntryId || !(await videoInDiaryEnabled(user.organisationId))) {
      return { ok: false, status: 422, code: "Photos.errors.videoNotAllowed" };
    }
    const videoLimits = opts.videoLimits ?? VIDEO_LIMITS;
    if (body.length > videoLimits.maxBytes) {
      return { ok: false, status: 413, code: "Photos.errors.videoTooLarge", values: { megabytes: Math.floor(videoLimits.maxBytes / (1024 * 1024)) } };
    }
    processed = { ...(await storeVideo(opts.store ?? blobStore(), body, video)), takenAt: null };
    kind = "VIDEO";
  } else {
    try {
      processed = await storePhoto(opts.store ?? blobStore(), body, opts.limits ?? PHOTO_LIMITS, now);
    } catch (error) {
      if (error instanceof PhotoProcessingError) return { ok: false, status: 422, code: `Photos.${error.messageKey}`, values: error.values };
      throw error;
    }
  }

  try {
    const photoId = await db.$transaction(async (tx) => {
      const photo = await tx.photo.create({
        data: {
          groupId: target.groupId,
          uploadedById: user.id,
          diaryEntryId: target.diaryEntryId,
          audience: target.audience,
          kind,
          sha256: processed.sha256,
          storageKey: processed.storageKey,
          mimeType: processed.mimeType,
          width: processed.width,
          height: processed.height,
          bytes: processed.bytes,
          originalName: meta.originalName ?? null,
          caption: meta.caption ?? null,
          takenAt: processed.takenAt,
          clientKey: meta.clientKey,
          createdAt: now,
          tags: { create: target.childIds.map((childId) => ({ childId })) },
        },
        select: { id: true },
      });
      await notifyBatch(tx, {
        userIds: await recipients(tx, target, tags.familyIds, today, user.id),
        batchId: meta.batchId,
        target,
        childNames: tags.names,
        uploaderName: user.name,
        now,
      });
      return photo.id;
    });
    return { ok: true, photoId, sha256: processed.sha256, replayed: false };
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === "P2002") {
      const first = await findReplay(user.id, meta.clientKey);
      if (first) return replayed(first, meta);
    }
    throw error;
  }
}

/**
 * NEW_PHOTOS, batched: per recipient one notification for an upload session (batchId) in a group (or
 * diary entry); a further photo of the session raises its count and the names of the children in it,
 * and marks it unread again. notify()'s series (`batch`) takes a transaction-level advisory lock on the
 * batch key, so concurrent uploads of one session never create two notifications for one recipient.
 */
async function notifyBatch(
  tx: Prisma.TransactionClient,
  input: { userIds: string[]; batchId: string; target: Target; childNames: string[]; uploaderName: string; now: Date },
): Promise<void> {
  const { target } = input;
  let userIds = input.userIds;
  if (target.diaryEntryId && userIds.length > 0) {
    // Photos saved with a new daily report (the diary form uploads them right after the text) are part
    // of that report: whoever has not yet read its NEW_DIARY_ENTRY notice gets no second notice for them.
    const unreadEntryNotice = await tx.notification.findMany({
      where: { userId: { in: userIds }, event: "NEW_DIARY_ENTRY", readAt: null, data: { path: ["entryId"], equals: target.diaryEntryId } },
      select: { userId: true },
    });
    const covered = new Set(unreadEntryNotice.map((n) => n.userId));
    userIds = userIds.filter((id) => !covered.has(id));
  }
  if (userIds.length === 0) return;
  // Through the notification seam as a series: one notification (and one e-mail/push per channel,
  // sent a little after the series' last photo) per recipient, whatever the number of photos.
  await notify(tx, {
    event: "NEW_PHOTOS",
    userIds,
    url: target.diaryEntryId ? `/diary/${target.diaryEntryId}` : "/",
    now: input.now,
    data: {
      groupId: target.groupId,
      groupName: target.groupName,
      diaryEntryId: target.diaryEntryId,
      count: 1,
      childNames: input.childNames,
      uploaderName: input.uploaderName,
    },
    batch: {
      key: `${input.batchId}:${target.diaryEntryId ?? target.groupId}`,
      merge: (previous) => {
        const before = previous as { count?: number; childNames?: string[] };
        const names = [...new Set([...(before.childNames ?? []), ...input.childNames])].sort((a, b) => a.localeCompare(b, "nl"));
        return { ...(previous as Prisma.InputJsonObject), count: (before.count ?? 0) + 1, childNames: names };
      },
    },
  });
}

export interface TaggableChild {
  id: string;
  name: string;
  canTag: boolean;
  canShareWithGroup: boolean;
}

/** The children placed in a group today, with what their consents allow (for the upload form). */
export async function listTaggableChildren(groupId: string, now: Date = new Date()): Promise<TaggableChild[]> {
  const today = parseIsoDate(amsterdamIsoDate(now));
  const rows = await db.child.findMany({
    where: { placements: { some: { groupId, startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] } } },
    orderBy: [{ firstName: "asc" }, { lastName: "asc" }, { id: "asc" }],
    select: { id: true, firstName: true, lastName: true, permissions: { select: { kind: true, granted: true } } },
  });
  return rows.map((c) => ({
    id: c.id,
    name: `${c.firstName} ${c.lastName}`,
    canTag: canTag(c.permissions),
    canShareWithGroup: canShareWithGroup(c.permissions),
  }));
}
