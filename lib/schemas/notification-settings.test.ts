import { describe, expect, it } from "vitest";
import { notificationSettingsSchema } from "./notification-settings";

const issues = (input: unknown) => {
  const parsed = notificationSettingsSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("notificationSettingsSchema", () => {
  it("accepts switches per event and quiet hours, or none", () => {
    const prefs = [
      { event: "NEW_PHOTOS", email: true, push: false },
      { event: "NEWS", email: false, push: true },
    ];
    expect(issues({ prefs, quietHours: { start: 1320, end: 420 } })).toEqual([]);
    expect(issues({ prefs, quietHours: null })).toEqual([]);
    expect(issues({ prefs: [], quietHours: null })).toEqual([]);
  });

  it("refuses equal times on the end field and off-step times on the start field", () => {
    expect(issues({ prefs: [], quietHours: { start: 420, end: 420 } })).toEqual([
      ["quietHours.end", "NotificationSettings.errors.sameTimes"],
    ]);
    expect(issues({ prefs: [], quietHours: { start: 1321, end: 420 } })).toEqual([
      ["quietHours.start", "NotificationSettings.errors.time"],
    ]);
    expect(issues({ prefs: [], quietHours: { start: 1440, end: 420 } })).toEqual([
      ["quietHours.start", "NotificationSettings.errors.time"],
    ]);
    expect(issues({ prefs: [], quietHours: { start: "22:00", end: 420 } })[0]).toEqual([
      "quietHours.start",
      "NotificationSettings.errors.time",
    ]);
  });

  it("refuses unknown events, repeated events, non-boolean switches and a missing quietHours", () => {
    expect(issues({ prefs: [{ event: "BIRTHDAY", email: true, push: true }], quietHours: null })).not.toEqual([]);
    expect(
      issues({
        prefs: [
          { event: "NEWS", email: true, push: true },
          { event: "NEWS", email: false, push: false },
        ],
        quietHours: null,
      }),
    ).toEqual([["prefs", "errors.validation"]]);
    expect(issues({ prefs: [{ event: "NEWS", email: "yes", push: true }], quietHours: null })).not.toEqual([]);
    expect(issues({ prefs: [] })).not.toEqual([]);
  });

  it("every refusal is a message key the form can translate", () => {
    const bad: unknown[] = [
      "not an object",
      null,
      {},
      { prefs: "x", quietHours: null },
      { prefs: [null], quietHours: null },
      { prefs: [{ event: "BIRTHDAY", email: 1, push: null }], quietHours: "22:00" },
      { prefs: [], quietHours: { start: 1.5, end: -1 } },
    ];
    for (const input of bad) {
      const found = issues(input);
      expect(found.length).toBeGreaterThan(0);
      for (const [, message] of found) expect(message).toMatch(/^(errors\.validation|NotificationSettings\.errors\.\w+)$/);
    }
  });
});
