import { describe, expect, it } from "vitest";
import {
  chooseClient,
  clickTarget,
  handleNotificationClick,
  handlePush,
  installHandlers,
  NOTIFICATION_BADGE,
  NOTIFICATION_ICON,
  notificationFor,
  parsePushPayload,
  type WorkerScope,
} from "./sw-handlers";

const ORIGIN = "https://portaal.example.nl";

/** A worker scope that records what the handlers do: notifications shown, windows focused/navigated/opened. */
function fakeScope(windows: { url: string; focused?: boolean }[] = []) {
  const log: string[] = [];
  const shown: { title: string; options?: NotificationOptions }[] = [];
  const listeners = new Map<string, (event: never) => void>();
  const clients = windows.map((w) => ({
    ...w,
    focus: async (): Promise<unknown> => {
      log.push(`focus ${w.url}`);
      return clients.find((c) => c.url === w.url) ?? null;
    },
    navigate: async (url: string) => {
      log.push(`navigate ${w.url} -> ${url}`);
      return null;
    },
  }));
  const scope: WorkerScope = {
    location: { origin: ORIGIN },
    registration: {
      showNotification: async (title, options) => {
        shown.push({ title, options });
      },
    },
    clients: {
      matchAll: async () => clients,
      openWindow: async (url) => {
        log.push(`open ${url}`);
        return null;
      },
    },
    addEventListener: (type, listener) => listeners.set(type, listener),
  };
  return { scope, log, shown, listeners };
}

describe("push payload", () => {
  it("reads the JSON lib/notify/push.ts sends", () => {
    const text = JSON.stringify({ title: "Nieuw bericht", body: "Van juf Anna", url: "/nl/berichten/abc", tag: "thread-abc" });
    expect(parsePushPayload(text)).toEqual({ title: "Nieuw bericht", body: "Van juf Anna", url: "/nl/berichten/abc", tag: "thread-abc" });
  });

  it("rejects what is not such JSON", () => {
    expect(parsePushPayload(null)).toBeNull();
    expect(parsePushPayload("")).toBeNull();
    expect(parsePushPayload("not json")).toBeNull();
    expect(parsePushPayload("[1,2]")).toBeNull();
    expect(parsePushPayload(JSON.stringify({ body: "no title" }))).toBeNull();
    expect(parsePushPayload(JSON.stringify({ title: "Only a title" }))).toEqual({ title: "Only a title", body: "", url: "/" });
  });

  it("shows title, body, icon, badge, tag and the URL as data", () => {
    const { title, options } = notificationFor({ title: "New diary entry", body: "Sam's day", url: "/en/diary/1", tag: "diary-1" });
    expect(title).toBe("New diary entry");
    expect(options).toEqual({ body: "Sam's day", icon: NOTIFICATION_ICON, badge: NOTIFICATION_BADGE, tag: "diary-1", data: { url: "/en/diary/1" } });
    expect(notificationFor({ title: "x", body: "", url: "/" }).options).not.toHaveProperty("tag");
  });

  it("the push handler shows the notification (and one for an unreadable payload: pushes must be visible)", async () => {
    const { scope, shown } = fakeScope();
    await handlePush(scope, JSON.stringify({ title: "Aanvraag beoordeeld", body: "Je ruildag is goedgekeurd", url: "/nl/requests" }));
    await handlePush(scope, "garbage");
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatchObject({ title: "Aanvraag beoordeeld", options: { body: "Je ruildag is goedgekeurd", data: { url: "/nl/requests" } } });
    expect(shown[1]).toMatchObject({ title: "Ouderportaal", options: { data: { url: "/" } } });
  });
});

describe("notification click", () => {
  it("only opens URLs of this origin", () => {
    expect(clickTarget({ url: "/nl/berichten/abc" }, ORIGIN)).toBe(`${ORIGIN}/nl/berichten/abc`);
    expect(clickTarget({ url: `${ORIGIN}/en/agenda` }, ORIGIN)).toBe(`${ORIGIN}/en/agenda`);
    expect(clickTarget({ url: "https://evil.example/phish" }, ORIGIN)).toBe(`${ORIGIN}/`);
    expect(clickTarget({ url: "//evil.example/x" }, ORIGIN)).toBe(`${ORIGIN}/`);
    expect(clickTarget(null, ORIGIN)).toBe(`${ORIGIN}/`);
    expect(clickTarget({ url: 42 }, ORIGIN)).toBe(`${ORIGIN}/`);
  });

  it("prefers a window on the target page, then another app window, else none", () => {
    const target = `${ORIGIN}/nl/berichten/abc`;
    const a = { url: `${ORIGIN}/nl/agenda` };
    const b = { url: `${target}#latest` };
    const c = { url: target, focused: true };
    expect(chooseClient([a, b, c], target)).toEqual({ client: c, navigate: false });
    expect(chooseClient([a, b], target)).toEqual({ client: b, navigate: false });
    expect(chooseClient([a, { url: `${ORIGIN}/nl`, focused: true }], target)).toEqual({ client: { url: `${ORIGIN}/nl`, focused: true }, navigate: true });
    expect(chooseClient([], target)).toBeNull();
  });

  it("focuses the window that shows the page", async () => {
    const { scope, log } = fakeScope([{ url: `${ORIGIN}/nl` }, { url: `${ORIGIN}/nl/berichten/abc` }]);
    await handleNotificationClick(scope, { url: "/nl/berichten/abc" });
    expect(log).toEqual([`focus ${ORIGIN}/nl/berichten/abc`]);
  });

  it("navigates an open app window to the page", async () => {
    const { scope, log } = fakeScope([{ url: `${ORIGIN}/en` }]);
    await handleNotificationClick(scope, { url: "/en/requests" });
    expect(log).toEqual([`focus ${ORIGIN}/en`, `navigate ${ORIGIN}/en -> ${ORIGIN}/en/requests`]);
  });

  it("opens a window when none is open", async () => {
    const { scope, log } = fakeScope();
    await handleNotificationClick(scope, { url: "/nl/diary/entry-1" });
    expect(log).toEqual([`open ${ORIGIN}/nl/diary/entry-1`]);
  });

  it("installs push and notificationclick listeners that close the notification and wait for the work", async () => {
    const { scope, listeners, shown, log } = fakeScope();
    installHandlers(scope);
    expect([...listeners.keys()].sort()).toEqual(["notificationclick", "push"]);
    const waits: Promise<unknown>[] = [];
    listeners.get("push")!({ data: { text: () => JSON.stringify({ title: "T", body: "B", url: "/nl" }) }, waitUntil: (p: Promise<unknown>) => waits.push(p) } as never);
    let closed = false;
    listeners.get("notificationclick")!({ notification: { data: { url: "/nl" }, close: () => (closed = true) }, waitUntil: (p: Promise<unknown>) => waits.push(p) } as never);
    await Promise.all(waits);
    expect(shown.map((n) => n.title)).toEqual(["T"]);
    expect(closed).toBe(true);
    expect(log).toEqual([`open ${ORIGIN}/nl`]);
  });
});
