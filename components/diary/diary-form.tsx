"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { TextField } from "@/components/auth/form-field";
import { useMessageKey } from "@/components/auth/use-message";
import { PhotoUploadForm } from "@/components/photos/photo-upload-form";
import { newIdempotencyKey } from "@/components/requests/hours";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/choice-fields";
import { cn } from "@/components/ui/cn";
import { createDiaryEntryAction } from "@/lib/actions/diary/write";
import { useRouter } from "@/lib/i18n/navigation";
import { diaryEntrySchema, type DiaryEntryData, type DiaryEntryInput } from "@/lib/schemas/diary";

export interface DiaryFormChild {
  id: string;
  /** What the choice shows, e.g. "Noor de Boer (Dolfijnen)". */
  label: string;
  firstName: string;
}

const FIELDS = ["childId", "date", "body"] as const;
const ERROR_ID = "diary-error";

/**
 * "Dagboek schrijven" (seed 002 §3.2): a child, the day and the text. Parents land on their entry after
 * saving; staff stay on the form to write the next one. One idempotency key per entry: a double click or
 * a retry after a lost answer is one entry; a changed text is a new entry.
 */
export function DiaryForm({
  mode,
  today,
  minDate,
  childrenList,
  initialChildId,
}: {
  mode: "parent" | "staff";
  today: string;
  minDate: string;
  childrenList: readonly DiaryFormChild[];
  initialChildId: string | null;
}) {
  const t = useTranslations("Diary");
  const message = useMessageKey();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [savedEntryId, setSavedEntryId] = useState<string | null>(null);
  const lastKey = useRef<{ fingerprint: string; key: string } | null>(null);
  const preselected = initialChildId ?? (childrenList.length === 1 ? childrenList[0]!.id : "");

  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<DiaryEntryInput, unknown, DiaryEntryData>({
    resolver: zodResolver(diaryEntrySchema),
    // The form-level alert takes focus and says what to check (as in the other forms).
    shouldFocusError: false,
    defaultValues: { childId: preselected, date: today, body: "", idempotencyKey: "" },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The key goes into the values just before validation; it is renewed only when the entry changed.
    const values = getValues();
    const fingerprint = JSON.stringify([values.childId, values.date, values.body]);
    if (lastKey.current?.fingerprint !== fingerprint) lastKey.current = { fingerprint, key: newIdempotencyKey() };
    setValue("idempotencyKey", lastKey.current.key);
    return handleSubmit(submit, onInvalid)(event);
  };

  const submit = async (data: DiaryEntryData) => {
    setFormError(null);
    setSaved(null);
    setSavedEntryId(null);
    const result = await createDiaryEntryAction(data).catch(() => null);
    if (!result) {
      setFormError("errors.unexpected");
      return;
    }
    if (!result.ok) {
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (keys?.[0] && (FIELDS as readonly string[]).includes(field)) setError(field as (typeof FIELDS)[number], { message: keys[0] });
      }
      setFormError(result.code);
      return;
    }
    lastKey.current = null;
    if (mode === "parent") {
      router.push(`/diary/${result.data.entryId}?written=1`);
      return;
    }
    const child = childrenList.find((c) => c.id === data.childId);
    setSaved(child?.firstName ?? "");
    setSavedEntryId(result.data.entryId);
    reset({ childId: data.childId, date: data.date, body: "", idempotencyKey: "" });
  };

  const onInvalid = () => setFormError("errors.validation");
  const fieldError = (field: (typeof FIELDS)[number]) => {
    const key = errors[field]?.message;
    return key ? message(key) : undefined;
  };

  return (
    <>
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      {formError ? (
        <FormAlert id={ERROR_ID} tone="error">
          {message(formError)}
        </FormAlert>
      ) : null}
      {saved !== null ? (
        <FormAlert tone="success" focusOnMount>
          {t("saved", { name: saved })}
        </FormAlert>
      ) : null}

      <SelectField
        id="diary-child"
        label={t("child")}
        placeholder={t("childPlaceholder")}
        options={childrenList.map((c) => ({ value: c.id, label: c.label }))}
        error={errors.childId ? fieldError("childId") : undefined}
        {...register("childId")}
      />

      <TextField
        id="diary-date"
        type="date"
        label={t("date")}
        hint={t("dateHint")}
        min={minDate}
        max={today}
        error={fieldError("date")}
        {...register("date")}
      />

      <div className="flex flex-col gap-1.5">
        <label htmlFor="diary-body" className="font-medium text-ink">
          {t("body")}
        </label>
        <p id="diary-body-hint" className="text-sm text-muted">
          {t("bodyHint")}
        </p>
        <textarea
          id="diary-body"
          rows={8}
          {...register("body")}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={["diary-body-hint", errors.body ? "diary-body-error" : null].filter(Boolean).join(" ")}
          className={cn(
            "w-full rounded-lg border bg-surface px-3 py-2 text-base text-ink shadow-xs",
            errors.body ? "border-danger-700" : "border-line hover:border-brand-600",
          )}
        />
        {errors.body ? (
          <p id="diary-body-error" className="text-sm font-medium text-danger-700">
            {fieldError("body")}
          </p>
        ) : null}
      </div>

      <p className="text-sm text-muted">{t("photosAfterSave")}</p>

      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
    {/* Photos go with the entry just saved (its child is tagged; only the family and the group's staff see them). */}
    {savedEntryId ? (
      <div className="mt-8">
        <PhotoUploadForm key={savedEntryId} target={{ kind: "diary", diaryEntryId: savedEntryId }} />
      </div>
    ) : null}
    </>
  );
}
