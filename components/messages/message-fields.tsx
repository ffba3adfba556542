"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/auth/form-field";
import { Button } from "@/components/ui/button";
import { MessageBodyField } from "./body-field";

/** The send button of a message form, saying so while it is on its way. */
export function MessageSubmitButton({ locked, label, busyLabel }: { locked: boolean; label: string; busyLabel: string }) {
  return (
    <div>
      <Button type="submit" variant="primary" disabled={locked}>
        {locked ? busyLabel : label}
      </Button>
    </div>
  );
}

/** Subject, message text and send button of a new thread, by parents ("Messages.form") and staff ("StaffMessages.form"). */
export function NewThreadMessageFields({
  idPrefix,
  namespace,
  subject,
  body,
  fieldError,
  locked,
}: {
  idPrefix: string;
  namespace: "Messages.form" | "StaffMessages.form";
  subject: UseFormRegisterReturn<"subject">;
  body: UseFormRegisterReturn<"body">;
  fieldError: (field: "subject" | "body") => string | undefined;
  locked: boolean;
}) {
  const t = useTranslations(namespace);
  return (
    <>
      <TextField id={`${idPrefix}-subject`} label={t("subject")} autoComplete="off" error={fieldError("subject")} {...subject} />
      <MessageBodyField
        id={`${idPrefix}-body`}
        label={t("body")}
        hint={t("bodyHint")}
        placeholder={t("bodyPlaceholder")}
        rows={8}
        error={fieldError("body")}
        {...body}
      />
      <MessageSubmitButton locked={locked} label={t("submit")} busyLabel={t("submitting")} />
    </>
  );
}
