"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { useMessageKey } from "@/components/auth/use-message";
import { Button } from "@/components/ui/button";
import { replyAction } from "@/lib/actions/messages/reply";
import { replySchema, type ReplyData, type ReplyInput } from "@/lib/schemas/messages";
import { MessageBodyField } from "./body-field";
import { useClientKey } from "./client-key";

/**
 * "Reageren" (seed 003: "Onderin het scherm kun je een bericht typen. Via de verzendknop stuur je het
 * bericht naar de medewerkers op de groep"): the reply box under a thread. The server action checks the
 * thread is the sender's; the page shows the new message when the action has revalidated it.
 */
export function ReplyForm({ threadId }: { threadId: string }) {
  const t = useTranslations("Messages.reply");
  const message = useMessageKey();
  const clientKey = useClientKey();
  const working = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ReplyInput, unknown, ReplyData>({
    resolver: zodResolver(replySchema),
    shouldFocusError: true,
    defaultValues: { threadId, body: "", clientKey: "" },
  });

  const submit = async (data: ReplyData) => {
    setFormError(null);
    const result = await replyAction(data).catch(() => null);
    if (!result) {
      setFormError("errors.unexpected");
      return;
    }
    if (!result.ok) {
      const bodyError = result.fieldErrors?.body?.[0];
      if (bodyError) setError("body", { message: bodyError });
      setFormError(result.code);
      return;
    }
    clientKey.forget();
    reset({ threadId, body: "", clientKey: "" });
    setSent(true);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A second click while the first is still on its way does nothing.
    if (working.current) return;
    working.current = true;
    try {
      setSent(false);
      setValue("clientKey", clientKey.keyFor([threadId, getValues("body")]));
      await handleSubmit(submit, () => setFormError(null))(event);
    } finally {
      working.current = false;
    }
  };

  const bodyError = errors.body?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-3">
      {formError && formError !== "errors.validation" ? (
        <FormAlert tone="error">{message(formError)}</FormAlert>
      ) : null}
      {sent ? <FormAlert tone="success">{t("sent")}</FormAlert> : null}
      <MessageBodyField
        id="reply-body"
        label={t("label")}
        labelClassName="text-lg font-semibold"
        placeholder={t("placeholder")}
        rows={4}
        error={bodyError ? message(bodyError) : undefined}
        {...register("body", { onChange: () => setSent(false) })}
      />
      <div>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
