import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { canTag } from "@/lib/domain/photo-visibility";

// For the diary forms (components/diary/diary-form.tsx): which of the children offered may have photos
// in their entries. A diary entry's photos tag its child, and a child without PHOTOS consent is not
// photographed (lib/db/photo-upload.ts refuses the upload with Photos.errors.noPhotoConsent); the form
// says so before the entry is saved instead of after. Only children of the user's organisation count.

/** The ids, of those given, of the children with PHOTOS consent. */
export async function childrenWithPhotoConsent(user: Pick<SessionUser, "organisationId">, childIds: readonly string[]): Promise<Set<string>> {
  if (childIds.length === 0) return new Set();
  const rows = await db.child.findMany({
    where: { id: { in: [...childIds] }, family: { organisationId: user.organisationId } },
    select: { id: true, permissions: { select: { kind: true, granted: true } } },
  });
  return new Set(rows.filter((c) => canTag(c.permissions)).map((c) => c.id));
}
