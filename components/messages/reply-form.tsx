"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { replyAction } from "@/lib/actions/messages/reply";
import { replySchema, type ReplyData, type ReplyInput } from "@/lib/schemas/messages";
import { MessageBodyField } from "./body-field";
import { MessageSubmitButton } from "./message-fields";
import { MessageFormError, useMessageSubmit } from "./use-message-submit";

const FIELDS = ["body"] as const;

/**
 * "Reageren" (seed 003: "Onderin het scherm kun je een bericht typen. Via de verzendknop stuur je het
 * bericht naar de medewerkers op de groep"): the reply box under a thread. The server action checks the
 * thread is the sender's; the page shows the new message when the action has revalidated it.
 */
export function ReplyForm({ threadId }: { threadId: string }) {
  const t = useTranslations("Messages.reply");
  const [sent, setSent] = useState(false);
  const form = useForm<ReplyInput, unknown, ReplyData>({
    resolver: zodResolver(replySchema),
    shouldFocusError: true,
    defaultValues: { threadId, body: "", clientKey: "" },
  });

  const { onSubmit, formError, fieldError, locked } = useMessageSubmit({
    form,
    action: replyAction,
    fields: FIELDS,
    keyOf: (v) => [threadId, v.body],
    beforeSubmit: () => setSent(false),
    onSent: () => {
      form.reset({ threadId, body: "", clientKey: "" });
      setSent(true);
    },
    // The box stays open for the next message.
    lockWhenSent: false,
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-3">
      <MessageFormError code={formError} hideValidation />
      {sent ? <FormAlert tone="success">{t("sent")}</FormAlert> : null}
      <MessageBodyField
        id="reply-body"
        label={t("label")}
        labelClassName="text-lg font-semibold"
        placeholder={t("placeholder")}
        rows={4}
        error={fieldError("body")}
        {...form.register("body", { onChange: () => setSent(false) })}
      />
      <MessageSubmitButton locked={locked} label={t("submit")} busyLabel={t("submitting")} />
    </form>
  );
}
