"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { useMessageKey } from "@/components/auth/use-message";
import { Button } from "@/components/ui/button";
import { cancelRequestAction } from "@/lib/actions/requests/cancel";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * "Aanvraag annuleren" for one child's part of a request — or, when the child has several bookings in
 * an extra-day request, for one of them ("Boeking annuleren", seed 002 §5.2) — behind a modal
 * confirmation (<dialog>: focus moves into it, Escape closes it, focus returns to the button). A unit
 * over several dates is cancelled as a whole period, which the dialog says.
 */
export function CancelRequestButton({
  requestId,
  childId,
  childName,
  booking = 0,
  bookingLabel,
  isPeriod,
  isSwap = false,
  confirmKey = childId,
}: {
  requestId: string;
  childId: string;
  childName: string;
  /** The booking to cancel (RequestItem.booking); ignored by the server for absences and swaps. */
  booking?: number;
  /** Set when the child has several bookings in the request: the button and dialog name this one. */
  bookingLabel?: string;
  isPeriod: boolean;
  /** A swap is cancelled as a whole for the child: the day given up and the day wanted. */
  isSwap?: boolean;
  /** Put in ?cancelled= after the cancel, so the page confirms it on the right part after its re-render. */
  confirmKey?: string;
}) {
  const t = useTranslations("Cancel");
  const message = useMessageKey();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  // After a confirmed cancel the result message takes focus instead of the button.
  const returnFocus = useRef(true);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [, startRefresh] = useTransition();
  const base = `cancel-${requestId}-${childId}${bookingLabel === undefined ? "" : `-${booking}`}`;
  const openerId = `${base}-open`;
  const titleId = `${base}-title`;
  const textId = `${base}-text`;
  const perBooking = bookingLabel !== undefined;

  const open = () => {
    setError(null);
    returnFocus.current = true;
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await cancelRequestAction({ requestId, childId, booking }).catch(() => null);
    setBusy(false);
    returnFocus.current = false;
    close();
    if (!result || !result.ok) {
      setError(result ? result.code : "errors.unexpected");
      return;
    }
    setDone(true);
    // The page re-renders without this button (the items are cancelled now); the confirmation then
    // comes from the page itself, keyed by ?cancelled=<confirmKey>, so it survives that re-render.
    startRefresh(() => router.replace({ pathname: `/agenda/requests/${requestId}`, query: { cancelled: confirmKey } }, { scroll: false }));
  };

  return (
    <div className="flex flex-col gap-2">
      {done ? (
        <FormAlert tone="success" focusOnMount>
          {perBooking ? t("bookingCancelled") : t("cancelled")}
        </FormAlert>
      ) : (
        <div>
          <Button id={openerId} variant="secondary" onClick={open}>
            {perBooking ? (
              <>
                {t("bookingAction")}
                <span className="sr-only"> {t("bookingFor", { child: childName, when: bookingLabel })}</span>
              </>
            ) : (
              <>
                {t("action")}
                <span className="sr-only"> ({childName})</span>
              </>
            )}
          </Button>
        </div>
      )}
      {error ? (
        <FormAlert tone="error" title={t("notAllowed")}>
          {message(error)}
        </FormAlert>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={textId}
        onClose={() => {
          if (returnFocus.current) document.getElementById(openerId)?.focus();
        }}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-5 text-ink shadow-lg backdrop:bg-ink/40"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {perBooking ? `${t("bookingAction")} ${t("bookingFor", { child: childName, when: bookingLabel })}` : `${t("confirmTitle")} — ${childName}`}
        </h2>
        <div id={textId} className="mt-2 flex flex-col gap-2">
          <p>{perBooking ? t("confirmBooking") : t("confirm")}</p>
          {isSwap ? (
            <p>{t("confirmSwap", { child: childName })}</p>
          ) : isPeriod ? (
            <p>{perBooking ? t("confirmBookingPeriod", { child: childName }) : t("confirmPeriod", { child: childName })}</p>
          ) : null}
        </div>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={close} autoFocus disabled={busy}>
            {t("confirmNo")}
          </Button>
          <Button variant="danger" onClick={confirm} disabled={busy} aria-busy={busy || undefined}>
            {t("confirmYes")}
          </Button>
        </div>
      </dialog>
    </div>
  );
}
