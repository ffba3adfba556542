// The service worker's own event handlers: `push` shows a notification, `notificationclick` focuses or
// opens the app at the notification's page. scripts/build-sw.ts compiles this file on its own (it must
// not import anything) into public/sw-push.js, which the Workbox worker (public/sw.js) loads with
// importScripts. The decisions are plain functions so unit tests run them without a browser
// (lib/pwa/sw-handlers.test.ts); e2e/pwa-offline.spec.ts delivers a real push to the built worker.

/** What lib/notify/push.ts sends: the texts are already in the recipient's language. */
export interface PushMessage {
  title: string;
  body: string;
  /** A path in the app, "/<locale>/…". */
  url: string;
  tag?: string;
}

export const NOTIFICATION_ICON = "/icons/icon-192.png";
export const NOTIFICATION_BADGE = "/icons/badge-96.png";
/** The title of a push whose payload cannot be read (the product name, the same in every language). */
export const APP_NAME = "Ouderportaal";

/** Reads a push payload; null when it is not the JSON the server sends. */
export function parsePushPayload(text: string | null | undefined): PushMessage | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { title, body, url, tag } = data as Record<string, unknown>;
  if (typeof title !== "string" || title === "") return null;
  return {
    title,
    body: typeof body === "string" ? body : "",
    url: typeof url === "string" && url !== "" ? url : "/",
    ...(typeof tag === "string" && tag !== "" ? { tag } : {}),
  };
}

/** The notification the `push` handler shows for a message. */
export function notificationFor(message: PushMessage): { title: string; options: NotificationOptions } {
  return {
    title: message.title,
    options: {
      body: message.body,
      icon: NOTIFICATION_ICON,
      badge: NOTIFICATION_BADGE,
      // A newer notification with the same tag (the same thread, say) replaces the older one.
      ...(message.tag ? { tag: message.tag } : {}),
      data: { url: message.url },
    },
  };
}

/**
 * The absolute URL a click opens: the notification's URL when it is on this origin, else the start
 * page. A push payload never sends the user to another site.
 */
export function clickTarget(data: unknown, origin: string): string {
  const url = typeof data === "object" && data !== null ? (data as { url?: unknown }).url : undefined;
  if (typeof url === "string") {
    try {
      const target = new URL(url, origin);
      if (target.origin === origin) return target.href;
    } catch {
      // not a URL: fall through to the start page
    }
  }
  return new URL("/", origin).href;
}

export interface ClientLike {
  url: string;
  focused?: boolean;
}

/**
 * Which open window a click should use: one already showing the target page (focused first), else
 * another window of the app (it is navigated there, so an installed app does not pile up windows),
 * else none (a new window opens).
 */
export function chooseClient<C extends ClientLike>(clients: readonly C[], target: string): { client: C; navigate: boolean } | null {
  const strip = (href: string) => href.split("#")[0];
  const pick = (list: readonly C[]) => list.find((c) => c.focused) ?? list[0];
  const same = pick(clients.filter((c) => strip(c.url) === strip(target)));
  if (same) return { client: same, navigate: false };
  const other = pick(clients);
  return other ? { client: other, navigate: true } : null;
}

interface WindowClientLike extends ClientLike {
  focus(): Promise<unknown>;
  navigate(url: string): Promise<unknown>;
}

/** The parts of ServiceWorkerGlobalScope the handlers use (typed here: the app's tsconfig has no WebWorker lib). */
export interface WorkerScope {
  location: { origin: string };
  registration: { showNotification(title: string, options?: NotificationOptions): Promise<void> };
  clients: {
    matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
  addEventListener(type: string, listener: (event: never) => void): void;
}

interface PushEventLike {
  data: { text(): string } | null;
  waitUntil(promise: Promise<unknown>): void;
}

interface NotificationClickEventLike {
  notification: { data: unknown; close(): void };
  waitUntil(promise: Promise<unknown>): void;
}

export async function handlePush(scope: WorkerScope, text: string | null): Promise<void> {
  const message = parsePushPayload(text);
  // The browser requires a visible notification for every push (userVisibleOnly); an unreadable payload
  // still opens the app.
  const { title, options } = notificationFor(message ?? { title: APP_NAME, body: "", url: "/" });
  await scope.registration.showNotification(title, options);
}

export async function handleNotificationClick(scope: WorkerScope, data: unknown): Promise<void> {
  const target = clickTarget(data, scope.location.origin);
  const windows = await scope.clients.matchAll({ type: "window", includeUncontrolled: true });
  const choice = chooseClient(windows, target);
  if (!choice) {
    await scope.clients.openWindow(target);
    return;
  }
  const focused = await choice.client.focus();
  if (choice.navigate) await ((focused as WindowClientLike | null) ?? choice.client).navigate(target);
}

/** Registers the handlers on the worker's global scope. */
export function installHandlers(scope: WorkerScope): void {
  scope.addEventListener("push", ((event: PushEventLike) => {
    event.waitUntil(handlePush(scope, event.data ? event.data.text() : null));
  }) as (event: never) => void);
  scope.addEventListener("notificationclick", ((event: NotificationClickEventLike) => {
    event.notification.close();
    event.waitUntil(handleNotificationClick(scope, event.notification.data));
  }) as (event: never) => void);
}
