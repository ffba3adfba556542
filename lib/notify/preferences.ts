import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import {
  eventsForRole,
  effectivePreferences,
  NOTIFICATION_EVENTS as EVENTS,
  type ChannelPreference,
  type NotificationEventName,
} from "@/lib/domain/notification-preferences";
import { quietHoursFromColumns, quietHoursProblem, type QuietHours } from "@/lib/domain/quiet-hours";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { NotificationEvent, Role } from "@/lib/generated/prisma/enums";

// Per user and event an e-mail and a push switch, and the user's quiet hours (seed 002 §7.3). No
// NotificationPreference row = the defaults of lib/domain/notification-preferences.ts. The delivery
// side (lib/notify) reads them with loadPreferences(); the settings page reads and writes a user's own
// through getNotificationSettings() and saveNotificationSettings().

export { defaultPreference, eventsForRole, type ChannelPreference } from "@/lib/domain/notification-preferences";

// The domain list mirrors the Prisma enum; these two lines fail to compile when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const enumsMatch: Same<NotificationEventName, NotificationEvent> = true;
void enumsMatch;

/** Every event, in the order the settings page shows them. */
export const NOTIFICATION_EVENTS: readonly NotificationEvent[] = EVENTS;

export interface UserNotificationSettings {
  locale: string;
  role: Role;
  email: string;
  quietHours: QuietHours | null;
  prefs: Record<NotificationEvent, ChannelPreference>;
}

type Client = Prisma.TransactionClient | PrismaClient;

/** Locale, role, address, quiet hours and the effective switches of each user (unknown ids are absent). */
export async function loadPreferences(client: Client, userIds: string[]): Promise<Map<string, UserNotificationSettings>> {
  const result = new Map<string, UserNotificationSettings>();
  if (userIds.length === 0) return result;
  const users = await client.user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: {
      id: true,
      locale: true,
      role: true,
      email: true,
      quietHoursStart: true,
      quietHoursEnd: true,
      notificationPrefs: { select: { event: true, email: true, push: true } },
    },
  });
  for (const user of users) {
    result.set(user.id, {
      locale: user.locale,
      role: user.role,
      email: user.email,
      quietHours: quietHoursFromColumns(user.quietHoursStart, user.quietHoursEnd),
      // Stored rows of events the role does not get (a changed role) are kept but not offered again.
      prefs: effectivePreferences(user.role, user.notificationPrefs),
    });
  }
  return result;
}

// ─── The settings page: a user's own settings ────────────────────────────────

type Owner = Pick<SessionUser, "id" | "role">;

export interface NotificationSettingsDto {
  /** The events this user can switch, in display order, with their effective switches. */
  events: { event: NotificationEvent; email: boolean; push: boolean }[];
  quietHours: QuietHours | null;
  /** Devices (browsers) of this user that receive push. */
  pushDevices: number;
}

export async function getNotificationSettings(user: Owner): Promise<NotificationSettingsDto> {
  const [settings, pushDevices] = await Promise.all([
    loadPreferences(db, [user.id]),
    db.pushSubscription.count({ where: { userId: user.id } }),
  ]);
  const mine = settings.get(user.id);
  const role = mine?.role ?? user.role;
  const prefs = mine?.prefs ?? effectivePreferences(role, []);
  return {
    events: eventsForRole(role).map((event) => ({ event, ...prefs[event] })),
    quietHours: mine?.quietHours ?? null,
    pushDevices,
  };
}

export type SaveSettingsResult = { ok: true } | { ok: false; code: "errors.forbidden" | "errors.validation" };

/**
 * Stores the switches for the given events of the user's own account (an upsert per event, so saving
 * twice is the same as saving once). An event the user's role is never notified about refuses the
 * whole save: nothing is written.
 */
export async function savePreferences(
  user: Owner,
  prefs: readonly { event: NotificationEvent; email: boolean; push: boolean }[],
  client: Client = db,
): Promise<SaveSettingsResult> {
  const allowed = new Set<NotificationEvent>(eventsForRole(user.role));
  if (prefs.some((p) => !allowed.has(p.event))) return { ok: false, code: "errors.forbidden" };
  if (new Set(prefs.map((p) => p.event)).size !== prefs.length) return { ok: false, code: "errors.validation" };
  for (const p of prefs) {
    await client.notificationPreference.upsert({
      where: { userId_event: { userId: user.id, event: p.event } },
      create: { userId: user.id, event: p.event, email: p.email, push: p.push },
      update: { email: p.email, push: p.push },
    });
  }
  return { ok: true };
}

/** Sets (or with null clears) the user's own quiet hours; an invalid period writes nothing. */
export async function saveQuietHours(user: Owner, quiet: QuietHours | null, client: Client = db): Promise<SaveSettingsResult> {
  if (quiet && quietHoursProblem(quiet) !== null) return { ok: false, code: "errors.validation" };
  await client.user.update({
    where: { id: user.id },
    data: { quietHoursStart: quiet?.start ?? null, quietHoursEnd: quiet?.end ?? null },
  });
  return { ok: true };
}

/** The settings page's save: switches and quiet hours together, all or nothing. */
export async function saveNotificationSettings(
  user: Owner,
  input: { prefs: readonly { event: NotificationEvent; email: boolean; push: boolean }[]; quietHours: QuietHours | null },
): Promise<SaveSettingsResult> {
  // Checked before the transaction as well, so a refused save does not even open one.
  const allowed = new Set<NotificationEvent>(eventsForRole(user.role));
  if (input.prefs.some((p) => !allowed.has(p.event))) return { ok: false, code: "errors.forbidden" };
  if (input.quietHours && quietHoursProblem(input.quietHours) !== null) return { ok: false, code: "errors.validation" };
  if (new Set(input.prefs.map((p) => p.event)).size !== input.prefs.length) return { ok: false, code: "errors.validation" };
  await db.$transaction(async (tx) => {
    const results = [await savePreferences(user, input.prefs, tx), await saveQuietHours(user, input.quietHours, tx)];
    // Checked above; should a check here still refuse, the throw rolls the other write back.
    if (results.some((r) => !r.ok)) throw new Error("Notification settings refused inside the transaction");
  });
  return { ok: true };
}
