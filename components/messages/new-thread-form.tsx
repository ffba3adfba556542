"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { TextField } from "@/components/auth/form-field";
import { useMessageKey } from "@/components/auth/use-message";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/choice-fields";
import { startThreadAction } from "@/lib/actions/messages/start";
import type { MessageChildOption } from "@/lib/db/messages";
import { useRouter } from "@/lib/i18n/navigation";
import { startThreadSchema, type StartThreadData, type StartThreadInput } from "@/lib/schemas/messages";
import { MessageBodyField } from "./body-field";
import { useClientKey } from "./client-key";

const FIELDS = ["childId", "groupId", "subject", "body"] as const;
type Field = (typeof FIELDS)[number];

/**
 * "Bericht schrijven" (seed 002 §4): "Je kan hier het kind kiezen waarover je een bericht wilt sturen,
 * voor welke groep dit bericht bestemd is (indien er meerdere gekoppelde groepen zijn) en een onderwerp
 * invullen. In het tekstveld (Bericht…) kun je het bericht typen en daarna versturen." The group is only
 * asked for when the chosen child is in more than one group; otherwise it is filled in and named.
 */
export function NewThreadForm({ childrenList, initialChildId }: { childrenList: readonly MessageChildOption[]; initialChildId: string | null }) {
  const t = useTranslations("Messages.form");
  const message = useMessageKey();
  const router = useRouter();
  const clientKey = useClientKey();
  const working = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const preselected = initialChildId ?? (childrenList.length === 1 ? childrenList[0]!.id : "");
  const groupsOf = (childId: string) => childrenList.find((c) => c.id === childId)?.groups ?? [];
  const initialGroups = groupsOf(preselected);

  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    control,
    formState: { errors, isSubmitting },
  } = useForm<StartThreadInput, unknown, StartThreadData>({
    resolver: zodResolver(startThreadSchema),
    shouldFocusError: false,
    defaultValues: { childId: preselected, groupId: initialGroups.length === 1 ? initialGroups[0]!.id : "", subject: "", body: "", clientKey: "" },
  });
  const childId = useWatch({ control, name: "childId" });
  const groups = groupsOf(childId);

  // A child with one group: that group, without asking. With several: the parent chooses.
  useEffect(() => {
    const current = getValues("groupId");
    if (groups.length === 1) {
      if (current !== groups[0]!.id) setValue("groupId", groups[0]!.id);
    } else if (current && !groups.some((g) => g.id === current)) {
      setValue("groupId", "");
    }
  }, [groups, getValues, setValue]);

  const submit = async (data: StartThreadData) => {
    setFormError(null);
    const result = await startThreadAction(data).catch(() => null);
    if (!result) {
      setFormError("errors.unexpected");
      return;
    }
    if (!result.ok) {
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (keys?.[0] && (FIELDS as readonly string[]).includes(field)) setError(field as Field, { message: keys[0] });
      }
      setFormError(result.code);
      return;
    }
    setDone(true);
    clientKey.forget();
    // The form stays locked while the thread page loads.
    router.push(`/messages/${result.data.threadId}`);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (working.current || done) return;
    working.current = true;
    try {
      const v = getValues();
      setValue("clientKey", clientKey.keyFor([v.childId, v.groupId, v.subject, v.body]));
      await handleSubmit(submit, () => setFormError("errors.validation"))(event);
    } finally {
      working.current = false;
    }
  };

  const fieldError = (field: Field) => {
    const key = errors[field]?.message;
    return key ? message(key) : undefined;
  };
  const locked = isSubmitting || done;

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      {formError ? (
        <FormAlert id="message-error" tone="error">
          {message(formError)}
        </FormAlert>
      ) : null}
      <SelectField
        id="message-child"
        label={t("child")}
        placeholder={t("childPlaceholder")}
        options={childrenList.map((c) => ({ value: c.id, label: `${c.firstName} ${c.lastName}` }))}
        error={fieldError("childId")}
        {...register("childId")}
      />
      {groups.length > 1 ? (
        <SelectField
          id="message-group"
          label={t("group")}
          placeholder={t("groupPlaceholder")}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          error={fieldError("groupId")}
          {...register("groupId")}
        />
      ) : groups.length === 1 ? (
        <p className="text-muted">{t("groupFixed", { group: groups[0]!.name })}</p>
      ) : errors.groupId && childId ? (
        <p className="text-sm font-medium text-danger-700">{fieldError("groupId")}</p>
      ) : null}
      <TextField id="message-subject" label={t("subject")} autoComplete="off" error={fieldError("subject")} {...register("subject")} />
      <MessageBodyField
        id="message-body"
        label={t("body")}
        hint={t("bodyHint")}
        placeholder={t("bodyPlaceholder")}
        rows={8}
        error={fieldError("body")}
        {...register("body")}
      />
      <div>
        <Button type="submit" variant="primary" disabled={locked}>
          {locked ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
