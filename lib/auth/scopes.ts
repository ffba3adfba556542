import "server-only";
import { db } from "@/lib/db/client";
import type { GroupScope } from "./access";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organisation a group belongs to, for lib/auth/access.ts's staffGroupAccess(). null for unknown
 * and malformed ids (a malformed id in the URL would otherwise make PostgreSQL reject the uuid cast).
 */
export async function loadGroupScope(groupId: string): Promise<GroupScope | null> {
  if (!UUID.test(groupId)) return null;
  const group = await db.group.findUnique({
    where: { id: groupId },
    select: { id: true, location: { select: { organisationId: true } } },
  });
  return group ? { id: group.id, organisationId: group.location.organisationId } : null;
}
