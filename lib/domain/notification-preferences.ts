// Which notifications a user can switch, and how they are switched when the user never chose
// (seed 002 §7.3: "per genoemd item ingesteld worden of je een e-mail en/of een pushnotificatie wilt
// ontvangen of helemaal geen notificatie"). Plain data, shared by the settings page, its schema and
// lib/notify (which maps the database rows onto this).

/** Every event, in the order the settings page lists them. Mirrors the NotificationEvent enum. */
export const NOTIFICATION_EVENTS = [
  "NEW_MESSAGE",
  "NEW_DIARY_ENTRY",
  "NEW_PHOTOS",
  "NEWS",
  "REQUEST_ASSESSED",
  "REQUEST_EXPIRED",
  "ABSENCE_CONFIRMATION",
] as const;

export type NotificationEventName = (typeof NOTIFICATION_EVENTS)[number];

export type NotificationRole = "PARENT" | "STAFF" | "PLANNER" | "ADMIN";

export interface ChannelPreference {
  email: boolean;
  push: boolean;
}

export type PreferenceMap = Record<NotificationEventName, ChannelPreference>;

/**
 * The events a role is ever notified about, so the only ones its settings page shows and its save may
 * touch. Parents get all seven. Staff (planners and admins too) only hear of messages from parents:
 * diary entries, photos and news are what they write themselves, and requests, expiries and absence
 * confirmations go to the family (planners see requests in the queue, not as notifications).
 */
export function eventsForRole(role: NotificationRole): readonly NotificationEventName[] {
  return role === "PARENT" ? NOTIFICATION_EVENTS : STAFF_EVENTS;
}

const STAFF_EVENTS: readonly NotificationEventName[] = ["NEW_MESSAGE"];

// Parents hear by e-mail about what needs their attention or answers them; diary entries and photos
// come daily and would flood the inbox, so those are off until a parent turns them on.
const PARENT_EMAIL_ON: ReadonlySet<NotificationEventName> = new Set([
  "NEW_MESSAGE",
  "NEWS",
  "REQUEST_ASSESSED",
  "REQUEST_EXPIRED",
  "ABSENCE_CONFIRMATION",
]);

/**
 * The switches of a user without a stored preference for the event. Push is on for everything: it only
 * reaches devices where the user allowed notifications, so that permission is the real opt-in.
 */
export function defaultPreference(event: NotificationEventName, role: NotificationRole): ChannelPreference {
  if (role === "PARENT") return { email: PARENT_EMAIL_ON.has(event), push: true };
  return { email: event === "NEW_MESSAGE", push: true };
}

/** The defaults for every event, with the stored rows laid over them. */
export function effectivePreferences(
  role: NotificationRole,
  stored: Iterable<{ event: NotificationEventName; email: boolean; push: boolean }>,
): PreferenceMap {
  const prefs = Object.fromEntries(NOTIFICATION_EVENTS.map((event) => [event, defaultPreference(event, role)])) as PreferenceMap;
  for (const row of stored) prefs[row.event] = { email: row.email, push: row.push };
  return prefs;
}
