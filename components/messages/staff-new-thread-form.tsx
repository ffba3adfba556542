"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { TextField } from "@/components/auth/form-field";
import { useMessageKey } from "@/components/auth/use-message";
import { Button } from "@/components/ui/button";
import { FieldGroup, SelectField } from "@/components/ui/choice-fields";
import { startStaffThreadAction } from "@/lib/actions/messages/start";
import type { StaffMessageGroup } from "@/lib/db/messages";
import { useRouter } from "@/lib/i18n/navigation";
import { startStaffThreadSchema, type StartStaffThreadData, type StartStaffThreadInput } from "@/lib/schemas/messages";
import { MessageBodyField } from "./body-field";
import { useClientKey } from "./client-key";

const FIELDS = ["groupId", "audience", "childId", "subject", "body"] as const;
type Field = (typeof FIELDS)[number];

/**
 * "Nieuw bericht" for staff (domain.md: "Staff can start threads with a family or with all families of
 * a group"): one of their groups, then one family (through a child placed in the group today) or all
 * families of the group — one private thread per family. One family: on to the new thread; the whole
 * group: back to the inbox, which says how many families it reached.
 */
export function StaffNewThreadForm({ groups, initialGroupId }: { groups: readonly StaffMessageGroup[]; initialGroupId: string | null }) {
  const t = useTranslations("StaffMessages.form");
  const message = useMessageKey();
  const router = useRouter();
  const clientKey = useClientKey();
  const working = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const preselected = initialGroupId ?? (groups.length === 1 ? groups[0]!.id : "");

  const {
    register,
    handleSubmit,
    setError,
    setValue,
    getValues,
    control,
    formState: { errors, isSubmitting },
  } = useForm<StartStaffThreadInput, unknown, StartStaffThreadData>({
    resolver: zodResolver(startStaffThreadSchema),
    shouldFocusError: false,
    defaultValues: { groupId: preselected, audience: "FAMILY", childId: "", subject: "", body: "", clientKey: "" },
  });
  const groupId = useWatch({ control, name: "groupId" });
  const audience = useWatch({ control, name: "audience" });
  const group = groups.find((g) => g.id === groupId) ?? null;

  const submit = async (data: StartStaffThreadData) => {
    setFormError(null);
    const result = await startStaffThreadAction(data).catch(() => null);
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
    const { threadId, threads } = result.data;
    router.push(threadId ? `/staff/messages/${threadId}` : `/staff/messages?group=${result.data.groupId}&sent=${threads}`);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (working.current || done) return;
    working.current = true;
    try {
      const v = getValues();
      setValue("clientKey", clientKey.keyFor([v.groupId, v.audience, v.audience === "FAMILY" ? v.childId : "", v.subject, v.body]));
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
        <FormAlert id="staff-message-error" tone="error">
          {message(formError)}
        </FormAlert>
      ) : null}
      <SelectField
        id="staff-message-group"
        label={t("group")}
        placeholder={groups.length > 1 ? t("groupPlaceholder") : undefined}
        options={groups.map((g) => ({ value: g.id, label: g.name }))}
        error={fieldError("groupId")}
        {...register("groupId", { onChange: () => setValue("childId", "") })}
      />
      <FieldGroup id="staff-message-audience" legend={t("audience")} error={fieldError("audience")}>
        <label htmlFor="staff-message-audience-family" className="inline-flex min-h-11 cursor-pointer items-center gap-2">
          <input id="staff-message-audience-family" type="radio" value="FAMILY" className="size-5 shrink-0 accent-brand-700" {...register("audience")} />
          <span>{t("audienceFamily")}</span>
        </label>
        <label htmlFor="staff-message-audience-group" className="inline-flex min-h-11 cursor-pointer items-center gap-2">
          <input
            id="staff-message-audience-group"
            type="radio"
            value="GROUP"
            className="size-5 shrink-0 accent-brand-700"
            aria-describedby={group ? "staff-message-audience-group-hint" : undefined}
            {...register("audience")}
          />
          <span>{t("audienceGroup")}</span>
        </label>
        {group ? (
          <p id="staff-message-audience-group-hint" className="text-sm text-muted">
            {t("audienceGroupHint", { count: group.familyCount })}
          </p>
        ) : null}
      </FieldGroup>
      {audience === "FAMILY" ? (
        <div className="flex flex-col gap-1.5">
          <SelectField
            id="staff-message-child"
            label={t("child")}
            placeholder={t("childPlaceholder")}
            options={(group?.children ?? []).map((c) => ({
              value: c.id,
              label: t("childOption", { child: `${c.firstName} ${c.lastName}`, family: c.familyName }),
            }))}
            error={fieldError("childId")}
            {...register("childId")}
            aria-describedby={["staff-message-child-hint", errors.childId ? "staff-message-child-error" : null].filter(Boolean).join(" ")}
          />
          <p id="staff-message-child-hint" className="text-sm text-muted">
            {t("childHint")}
          </p>
        </div>
      ) : null}
      <TextField id="staff-message-subject" label={t("subject")} autoComplete="off" error={fieldError("subject")} {...register("subject")} />
      <MessageBodyField
        id="staff-message-body"
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
