import { z } from "zod";

// What comes with one uploaded file (app/api/photos/upload/route.ts): the query string carries it,
// the body is the file's bytes. Either a group (staff: the group's photos, tagging children of it) or a
// diary entry (its child is tagged). clientKey is fresh per file and kept for a retry of that file;
// batchId is fresh per "upload" click and groups the notifications of the session.

export const MAX_PHOTO_CAPTION_LENGTH = 500;
export const MAX_TAGS_PER_PHOTO = 50;
/** Largest photo upload, in bytes (the pipeline's PHOTO_LIMITS and the form's own check). */
export const MAX_PHOTO_BYTES = 30 * 1024 * 1024;
/** Largest photo, in pixels (a 48 MP phone photo is 8064 × 6048 ≈ 48.8 M). */
export const MAX_PHOTO_PIXELS = 60_000_000;
/** Largest video in a diary entry (where the organisation enables video; lib/server/photos/video.ts). */
export const MAX_VIDEO_BYTES = 100 * 1024 * 1024;

export const photoUploadMetaSchema = z
  .object({
    groupId: z.uuid().nullable().optional(),
    diaryEntryId: z.uuid().nullable().optional(),
    childIds: z.array(z.uuid()).max(MAX_TAGS_PER_PHOTO).default([]),
    audience: z.enum(["TAGGED", "GROUP"]).default("TAGGED"),
    caption: z
      .string()
      .trim()
      .max(MAX_PHOTO_CAPTION_LENGTH)
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    clientKey: z.uuid(),
    batchId: z.uuid(),
    originalName: z
      .string()
      .max(255)
      .nullable()
      .optional()
      .transform((v) => (v ? v.replace(/[\p{Cc}\p{Cf}]/gu, "") || null : null)),
  })
  .refine((m) => Boolean(m.groupId) !== Boolean(m.diaryEntryId), { path: ["groupId"] });

export type PhotoUploadMeta = z.output<typeof photoUploadMetaSchema>;
export type PhotoUploadMetaInput = z.input<typeof photoUploadMetaSchema>;

/** The query string of an upload (client side) … */
export function uploadQuery(meta: PhotoUploadMetaInput): string {
  const q = new URLSearchParams();
  if (meta.groupId) q.set("groupId", meta.groupId);
  if (meta.diaryEntryId) q.set("diaryEntryId", meta.diaryEntryId);
  for (const id of meta.childIds ?? []) q.append("child", id);
  if (meta.audience) q.set("audience", meta.audience);
  if (meta.caption) q.set("caption", meta.caption);
  q.set("clientKey", meta.clientKey);
  q.set("batchId", meta.batchId);
  if (meta.originalName) q.set("name", meta.originalName);
  return q.toString();
}

/** … and read back (server side). */
export function parseUploadQuery(params: URLSearchParams) {
  return photoUploadMetaSchema.safeParse({
    groupId: params.get("groupId"),
    diaryEntryId: params.get("diaryEntryId"),
    childIds: params.getAll("child"),
    audience: params.get("audience") ?? undefined,
    caption: params.get("caption"),
    clientKey: params.get("clientKey"),
    batchId: params.get("batchId"),
    originalName: params.get("name"),
  });
}
