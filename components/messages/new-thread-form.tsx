"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import { SelectField } from "@/components/ui/choice-fields";
import { startThreadAction } from "@/lib/actions/messages/start";
import type { MessageChildOption } from "@/lib/db/messages";
import { useRouter } from "@/lib/i18n/navigation";
import { startThreadSchema, type StartThreadData, type StartThreadInput } from "@/lib/schemas/messages";
import { NewThreadMessageFields } from "./message-fields";
import { MessageFormError, useMessageSubmit } from "./use-message-submit";

const FIELDS = ["childId", "groupId", "subject", "body"] as const;

/**
 * "Bericht schrijven" (seed 002 §4): "Je kan hier het kind kiezen waarover je een bericht wilt sturen,
 * voor welke groep dit bericht bestemd is (indien er meerdere gekoppelde groepen zijn) en een onderwerp
 * invullen. In het tekstveld (Bericht…) kun je het bericht typen en daarna versturen." The group is only
 * asked for when the chosen child is in more than one group; otherwise it is filled in and named.
 */
export function NewThreadForm({ childrenList, initialChildId }: { childrenList: readonly MessageChildOption[]; initialChildId: string | null }) {
  const t = useTranslations("Messages.form");
  const router = useRouter();
  const preselected = initialChildId ?? (childrenList.length === 1 ? childrenList[0]!.id : "");
  const groupsOf = (childId: string) => childrenList.find((c) => c.id === childId)?.groups ?? [];
  const initialGroups = groupsOf(preselected);

  const form = useForm<StartThreadInput, unknown, StartThreadData>({
    resolver: zodResolver(startThreadSchema),
    shouldFocusError: false,
    defaultValues: { childId: preselected, groupId: initialGroups.length === 1 ? initialGroups[0]!.id : "", subject: "", body: "", clientKey: "" },
  });
  const {
    register,
    setValue,
    getValues,
    control,
    formState: { errors },
  } = form;
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

  const { onSubmit, formError, fieldError, locked } = useMessageSubmit({
    form,
    action: startThreadAction,
    fields: FIELDS,
    keyOf: (v) => [v.childId, v.groupId, v.subject, v.body],
    // The form stays locked while the thread page loads.
    onSent: ({ threadId }) => router.push(`/messages/${threadId}`),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      <MessageFormError id="message-error" code={formError} />
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
      <NewThreadMessageFields
        idPrefix="message"
        namespace="Messages.form"
        subject={register("subject")}
        body={register("body")}
        fieldError={fieldError}
        locked={locked}
      />
    </form>
  );
}
