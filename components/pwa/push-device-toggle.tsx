"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

// "Meldingen op dit apparaat" on the notification settings pages (parents: Overig → Notificaties;
// staff: settings): subscribes this browser to web push after the user opts in — the browser asks for
// permission, pushManager.subscribe with the server's VAPID key (GET /api/push/public-key), and the
// subscription is stored for the signed-in user (POST /api/push/subscription). Turning it off
// unsubscribes here and deletes it on the server (DELETE). The service worker (public/sw.js) shows
// what arrives (lib/pwa/sw-handlers.ts).

type State = "checking" | "unsupported" | "noWorker" | "on" | "off";
type Problem = "denied" | "serverOff" | "failed" | "disableFailed" | "noWorker" | null;

/** The VAPID public key (base64url) as the bytes pushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function pushSupported(): boolean {
  return "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

async function registration(): Promise<ServiceWorkerRegistration | null> {
  return (await navigator.serviceWorker.getRegistration("/")) ?? null;
}

export function PushDeviceToggle() {
  const t = useTranslations("Pwa");
  const router = useRouter();
  const [state, setState] = useState<State>("checking");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState<"enabled" | "disabled" | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let next: State;
      if (!pushSupported()) next = "unsupported";
      else {
        const reg = await registration().catch(() => null);
        next = !reg ? "noWorker" : (await reg.pushManager.getSubscription().catch(() => null)) ? "on" : "off";
      }
      if (!cancelled) setState(next);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  async function enable() {
    const permission = await Notification.requestPermission();
    if (permission !== "granted") return setProblem("denied");
    const reg = await registration();
    if (!reg) return setProblem("noWorker");
    const { publicKey } = (await (await fetch("/api/push/public-key", { cache: "no-store" })).json()) as { publicKey: string | null };
    if (!publicKey) return setProblem("serverOff");
    const subscription = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
    const response = await fetch("/api/push/subscription", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(subscription.toJSON()),
    });
    if (!response.ok) {
      await subscription.unsubscribe().catch(() => false);
      return setProblem("failed");
    }
    setState("on");
    setDone("enabled");
    router.refresh();
  }

  async function disable() {
    const reg = await registration();
    const subscription = await reg?.pushManager.getSubscription();
    if (subscription) {
      const response = await fetch("/api/push/subscription", {
        method: "DELETE",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ endpoint: subscription.endpoint }),
      });
      // 404: the server had already forgotten it; unsubscribing here is still right.
      if (!response.ok && response.status !== 404) return setProblem("disableFailed");
      await subscription.unsubscribe();
    }
    setState("off");
    setDone("disabled");
    router.refresh();
  }

  async function run(action: () => Promise<void>, failure: Problem) {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await action();
    } catch {
      setProblem(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="push-device-heading" className="flex flex-col gap-2" data-testid="push-device">
      <h2 id="push-device-heading" className="text-lg font-semibold">
        {t("push.heading")}
      </h2>
      {state === "unsupported" ? <p className="text-muted">{t("push.unsupported")}</p> : null}
      {state === "noWorker" ? <p className="text-muted">{t("push.noWorker")}</p> : null}
      {state === "on" || state === "off" ? (
        <>
          <p className="text-ink">{state === "on" ? t("push.stateOn") : t("push.stateOff")}</p>
          <div>
            <Button
              variant={state === "on" ? "secondary" : "primary"}
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => void (state === "on" ? run(disable, "disableFailed") : run(enable, "failed"))}
            >
              {busy ? t("push.working") : state === "on" ? t("push.disable") : t("push.enable")}
            </Button>
          </div>
        </>
      ) : null}
      <div aria-live="polite">
        {problem ? <p className="text-danger-700">{t(`push.${problem}`)}</p> : null}
        {done ? <p className="text-ink">{t(`push.${done}`)}</p> : null}
      </div>
    </section>
  );
}
