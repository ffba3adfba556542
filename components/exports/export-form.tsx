"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { TextField } from "@/components/auth/form-field";
import { useMessageKey } from "@/components/auth/use-message";
import { newIdempotencyKey } from "@/components/requests/hours";
import { Button } from "@/components/ui/button";
import { FieldGroup, RadioField, SelectField } from "@/components/ui/choice-fields";
import { requestExportAction } from "@/lib/actions/exports/request";
import { exportRequestSchema, type ExportRequestData, type ExportRequestInput } from "@/lib/schemas/export";

const FIELDS = ["childId", "kind", "from", "to"] as const;

/**
 * "Dagboek downloaden" (issue 4 §6): a child, the diary of a period or all photos. The ZIP is made in
 * the background and mailed as a link; the form says so once the request is in. One idempotency key
 * per request: a double click queues one job. `defaultChildId` (one of `childrenList`) is preselected;
 * with a single child that one is. After a request the page is refreshed, so its list of requests
 * shows the new one as being made.
 */
export function ExportForm({
  childrenList,
  defaultChildId,
  today,
  defaultFrom,
}: {
  childrenList: readonly { id: string; label: string }[];
  defaultChildId?: string;
  today: string;
  defaultFrom: string;
}) {
  const router = useRouter();
  const t = useTranslations("Export");
  const message = useMessageKey();
  const [formError, setFormError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const lastKey = useRef<{ fingerprint: string; key: string } | null>(null);

  const {
    register,
    handleSubmit,
    setError,
    getValues,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ExportRequestInput, unknown, ExportRequestData>({
    resolver: zodResolver(exportRequestSchema),
    shouldFocusError: false,
    defaultValues: {
      childId: childrenList.find((c) => c.id === defaultChildId)?.id ?? (childrenList.length === 1 ? childrenList[0]!.id : ""),
      kind: "DIARY", from: defaultFrom, to: today, idempotencyKey: "" },
  });
  const kind = useWatch({ control, name: "kind" });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const v = getValues();
    const fingerprint = JSON.stringify([v.childId, v.kind, v.from, v.to]);
    if (lastKey.current?.fingerprint !== fingerprint) lastKey.current = { fingerprint, key: newIdempotencyKey() };
    setValue("idempotencyKey", lastKey.current.key);
    return handleSubmit(submit, () => setFormError("errors.validation"))(event);
  };

  const submit = async (data: ExportRequestData) => {
    setFormError(null);
    setQueued(false);
    const result = await requestExportAction(data).catch(() => null);
    if (!result) return setFormError("errors.unexpected");
    if (!result.ok) {
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (keys?.[0] && (FIELDS as readonly string[]).includes(field)) setError(field as (typeof FIELDS)[number], { message: keys[0] });
      }
      return setFormError(result.code);
    }
    setQueued(true);
    router.refresh();
  };

  const fieldError = (field: (typeof FIELDS)[number]) => {
    const key = errors[field]?.message;
    return key ? message(key) : undefined;
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      {formError ? <FormAlert tone="error">{message(formError)}</FormAlert> : null}
      {queued ? (
        <FormAlert tone="success" focusOnMount>
          {t("queued")}
        </FormAlert>
      ) : null}

      <SelectField
        id="export-child"
        label={t("child")}
        placeholder={t("childPlaceholder")}
        options={childrenList.map((c) => ({ value: c.id, label: c.label }))}
        error={errors.childId ? fieldError("childId") : undefined}
        {...register("childId")}
      />

      <FieldGroup id="export-kind" legend={t("kind")} error={fieldError("kind")}>
        <RadioField id="export-kind-diary" name="kind" checked={kind === "DIARY"} onChange={() => setValue("kind", "DIARY")}>
          {t("kindDiary")}
        </RadioField>
        <RadioField id="export-kind-photos" name="kind" checked={kind === "PHOTOS"} onChange={() => setValue("kind", "PHOTOS")}>
          {t("kindPhotos")}
        </RadioField>
      </FieldGroup>

      {kind === "DIARY" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField id="export-from" type="date" label={t("from")} max={today} error={fieldError("from")} {...register("from")} />
          <TextField id="export-to" type="date" label={t("to")} max={today} error={fieldError("to")} {...register("to")} />
        </div>
      ) : null}

      <p className="text-sm text-muted">{t("howItWorks")}</p>

      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
