import { describe, expect, it } from "vitest";
import { defaultPreference, effectivePreferences, eventsForRole, NOTIFICATION_EVENTS } from "./notification-preferences";

describe("notification preferences", () => {
  it("lists the seven events in the settings page's order", () => {
    expect(NOTIFICATION_EVENTS).toEqual([
      "NEW_MESSAGE",
      "NEW_DIARY_ENTRY",
      "NEW_PHOTOS",
      "NEWS",
      "REQUEST_ASSESSED",
      "REQUEST_EXPIRED",
      "ABSENCE_CONFIRMATION",
    ]);
  });

  it("parents: e-mail on for messages, news and requests, off for diary and photos; push on for all", () => {
    const table = Object.fromEntries(NOTIFICATION_EVENTS.map((e) => [e, defaultPreference(e, "PARENT")]));
    expect(table).toEqual({
      NEW_MESSAGE: { email: true, push: true },
      NEW_DIARY_ENTRY: { email: false, push: true },
      NEW_PHOTOS: { email: false, push: true },
      NEWS: { email: true, push: true },
      REQUEST_ASSESSED: { email: true, push: true },
      REQUEST_EXPIRED: { email: true, push: true },
      ABSENCE_CONFIRMATION: { email: true, push: true },
    });
  });

  it("staff, planners and admins switch only new messages, e-mail and push on by default", () => {
    for (const role of ["STAFF", "PLANNER", "ADMIN"] as const) {
      expect(eventsForRole(role)).toEqual(["NEW_MESSAGE"]);
      expect(defaultPreference("NEW_MESSAGE", role)).toEqual({ email: true, push: true });
    }
    expect(eventsForRole("PARENT")).toEqual(NOTIFICATION_EVENTS);
  });

  it("stored choices replace the defaults, event by event", () => {
    const prefs = effectivePreferences("PARENT", [
      { event: "NEW_PHOTOS", email: true, push: false },
      { event: "NEWS", email: false, push: false },
    ]);
    expect(prefs.NEW_PHOTOS).toEqual({ email: true, push: false });
    expect(prefs.NEWS).toEqual({ email: false, push: false });
    expect(prefs.NEW_DIARY_ENTRY).toEqual({ email: false, push: true });
    expect(prefs.NEW_MESSAGE).toEqual({ email: true, push: true });
    expect(Object.keys(prefs)).toEqual([...NOTIFICATION_EVENTS]);
  });
});
