"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { FieldGroup, SelectField } from "@/components/ui/choice-fields";
import { startStaffThreadAction } from "@/lib/actions/messages/start";
import type { StaffMessageGroup } from "@/lib/db/messages";
import { useRouter } from "@/lib/i18n/navigation";
import { startStaffThreadSchema, type StartStaffThreadData, type StartStaffThreadInput } from "@/lib/schemas/messages";
import { NewThreadMessageFields } from "./message-fields";
import { MessageFormError, useMessageSubmit } from "./use-message-submit";

const FIELDS = ["groupId", "audience", "childId", "subject", "body"] as const;

/**
 * "Nieuw bericht" for staff (domain.md: "Staff can start threads with a family or with all families of
 * a group"): one of their groups, then one family (through a child placed in the group today) or all
 * families of the group — one private thread per family. One family: on to the new thread; the whole
 * group: back to the inbox, which says how many families it reached.
 */
export function StaffNewThreadForm({ groups, initialGroupId }: { groups: readonly StaffMessageGroup[]; initialGroupId: string | null }) {
  const t = useTranslations("StaffMessages.form");
  const router = useRouter();
  const preselected = initialGroupId ?? (groups.length === 1 ? groups[0]!.id : "");

  const form = useForm<StartStaffThreadInput, unknown, StartStaffThreadData>({
    resolver: zodResolver(startStaffThreadSchema),
    shouldFocusError: false,
    defaultValues: { groupId: preselected, audience: "FAMILY", childId: "", subject: "", body: "", clientKey: "" },
  });
  const {
    register,
    setValue,
    control,
    formState: { errors },
  } = form;
  const groupId = useWatch({ control, name: "groupId" });
  const audience = useWatch({ control, name: "audience" });
  const group = groups.find((g) => g.id === groupId) ?? null;

  const { onSubmit, formError, fieldError, locked } = useMessageSubmit({
    form,
    action: startStaffThreadAction,
    fields: FIELDS,
    keyOf: (v) => [v.groupId, v.audience, v.audience === "FAMILY" ? v.childId : "", v.subject, v.body],
    onSent: ({ threadId, threads, groupId: sentTo }) =>
      router.push(threadId ? `/staff/messages/${threadId}` : `/staff/messages?group=${sentTo}&sent=${threads}`),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <MessageFormError id="staff-message-error" code={formError} />
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
      <NewThreadMessageFields
        idPrefix="staff-message"
        namespace="StaffMessages.form"
        subject={register("subject")}
        body={register("body")}
        fieldError={fieldError}
        locked={locked}
      />
    </form>
  );
}
