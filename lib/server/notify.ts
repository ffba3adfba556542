import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationEvent } from "@/lib/generated/prisma/enums";

// The one seam through which features announce events to users. Today it records the in-app
// notification (in the caller's transaction, so an event exists exactly when its change does); the
// notifications issue adds e-mail and web push behind this same call, per the user's preferences.

export interface NotifyInput {
  event: NotificationEvent;
  userIds: readonly string[];
  /** Where a click (later: a push) opens the app, without locale: "/agenda/requests/…". */
  url: string;
  /** What the UI needs to render the notification in the user's language (ids, dates, counts). */
  data: Prisma.InputJsonValue;
}

export async function notify(tx: Prisma.TransactionClient, input: NotifyInput): Promise<void> {
  if (input.userIds.length === 0) return;
  await tx.notification.createMany({
    data: input.userIds.map((userId) => ({ userId, event: input.event, url: input.url, data: input.data })),
  });
}

/** The users of a family (its guardians), who receive the family's request notifications. */
export async function familyUserIds(tx: Prisma.TransactionClient, familyId: string): Promise<string[]> {
  const guardians = await tx.guardian.findMany({ where: { familyId }, select: { userId: true } });
  return guardians.map((g) => g.userId);
}
