"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { assessItemAction } from "@/lib/actions/requests/assess";
import { assessItemSchema, MAX_REJECTION_REASON_LENGTH } from "@/lib/schemas/assess";

/**
 * Approve or reject one queue unit through one of its items: a single item, a whole assess-as-whole
 * request (`unit="whole"`) or a child's swap (`unit="swap"`) — the server assesses the whole unit
 * whatever item is posted. The same zod schema as the server checks the reason first; the server's
 * answer ("Assess.errors.capacityFull", …) is shown translated in an alert next to the buttons.
 */
export function AssessForm({
  itemId,
  subject,
  label = subject,
  unit,
  onAssessed,
}: {
  itemId: string;
  /** Names the item (or request, or swap) in the announcement afterwards. */
  subject: string;
  /** The form's accessible name, unique on the page; default the subject. */
  label?: string;
  unit: "item" | "whole" | "swap";
  onAssessed: (message: string) => void;
}) {
  const t = useTranslations("Queue");
  const tAll = useTranslations();
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ key: string; field: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  const translate = (key: string) => (tAll.has(key as never) ? tAll(key as never) : tAll("errors.unexpected"));

  const submit = (action: "APPROVE" | "REJECT") => {
    const input = { itemId, action, rejectionReason: reason };
    const parsed = assessItemSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError({ key: issue?.message ?? "errors.validation", field: issue?.path[0] === "rejectionReason" });
      reasonRef.current?.focus();
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await assessItemAction(input);
      if (result.ok) {
        onAssessed(t(action === "APPROVE" ? "approved" : "rejected", { item: subject }));
        return;
      }
      const fieldKey = result.fieldErrors?.rejectionReason?.[0];
      setError({ key: fieldKey ?? result.code, field: Boolean(fieldKey) });
    });
  };

  const reasonId = `${id}-reason`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form
      aria-label={label}
      className="mt-3 border-t border-line pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit("APPROVE");
      }}
    >
      <label htmlFor={reasonId} className="block text-sm font-medium">
        {t("reasonLabel")}
      </label>
      <p id={hintId} className="text-sm text-muted">
        {t("reasonHint")}
      </p>
      <textarea
        ref={reasonRef}
        id={reasonId}
        name="rejectionReason"
        rows={2}
        maxLength={MAX_REJECTION_REASON_LENGTH + 100}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={error?.field ? true : undefined}
        aria-describedby={error?.field ? `${hintId} ${errorId}` : hintId}
        className="mt-1 block w-full rounded-lg border border-line bg-surface px-3 py-2 text-base"
      />
      {error ? (
        <p id={errorId} role="alert" className="mt-2 rounded-lg border border-danger-700/40 bg-danger-50 p-2 text-sm text-danger-700">
          {translate(error.key)}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} aria-describedby={error && !error.field ? errorId : undefined}>
          {pending ? t("busy") : unit === "item" ? t("approve") : t(`${unit}.approve`)}
        </Button>
        <Button variant="danger" disabled={pending} onClick={() => submit("REJECT")}>
          {unit === "item" ? t("reject") : t(`${unit}.reject`)}
        </Button>
      </div>
    </form>
  );
}
