"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/auth/form-alert";
import { TextField } from "@/components/auth/form-field";
import { useMessageKey } from "@/components/auth/use-message";
import { UploadFileList } from "@/components/photos/upload-file-list";
import { acceptAttribute, MAX_PHOTO_BYTES, MAX_VIDEO_BYTES, uploadKind } from "@/components/photos/upload-files";
import type { QueueItem } from "@/components/photos/upload-queue";
import { useUploadQueue } from "@/components/photos/use-upload-queue";
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
  /** PHOTOS consent: photos (and videos) may be added to this child's entries (not given: the server decides). */
  photosAllowed?: boolean;
}

const FIELDS = ["childId", "date", "body"] as const;
const ERROR_ID = "diary-error";
const FILES_ID = "diary-files";
const MEGABYTE = 1024 * 1024;

/** The entry just written, while its files are on their way (or some failed): it is not written again. */
interface SavedEntry {
  id: string;
  childName: string;
  /** One upload session per entry: the parents get one notification for its photos. */
  batchId: string;
}

/**
 * "Dagboek schrijven" (seed 002 §3.2; issue 4 §2: text and one or more photos, videos where the
 * organisation enables them): a child, the day, the text and the files, in one form. Saving writes the
 * entry (one idempotency key per entry: a double click or a retry after a lost answer is one entry; a
 * changed text is a new entry), then sends each file to that entry with its progress
 * (components/photos/use-upload-queue.ts: a file keeps its key, so it is never stored twice). When a
 * file fails the entry stays saved: the failed files can be tried again — never a second entry — or left
 * out. Parents then land on their entry; staff stay on the form, emptied for the next child.
 */
export function DiaryForm({
  mode,
  today,
  minDate,
  childrenList,
  initialChildId,
  acceptVideo = false,
}: {
  mode: "parent" | "staff";
  today: string;
  minDate: string;
  childrenList: readonly DiaryFormChild[];
  initialChildId: string | null;
  /** The organisation accepts videos in diary entries (OrganisationPolicy.videoInDiaryEnabled). */
  acceptVideo?: boolean;
}) {
  const t = useTranslations("Diary");
  const tUpload = useTranslations("Photos.upload");
  const message = useMessageKey();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [entry, setEntry] = useState<SavedEntry | null>(null);
  const [someFailed, setSomeFailed] = useState(false);
  const lastKey = useRef<{ fingerprint: string; key: string } | null>(null);
  // Guards against a second submit in the same moment (before the button is disabled on screen).
  const working = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const queue = useUploadQueue({ diary: true, acceptVideo });
  const { items, summary, busy } = queue;
  const preselected = initialChildId ?? (childrenList.length === 1 ? childrenList[0]!.id : "");

  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<DiaryEntryInput, unknown, DiaryEntryData>({
    resolver: zodResolver(diaryEntrySchema),
    // The form-level alert takes focus and says what to check (as in the other forms).
    shouldFocusError: false,
    defaultValues: { childId: preselected, date: today, body: "", idempotencyKey: "" },
  });
  const childId = useWatch({ control, name: "childId" });
  const child = childrenList.find((c) => c.id === childId) ?? null;
  const noConsent = child !== null && child.photosAllowed === false;
  const locked = entry !== null;

  /** Why the chosen files cannot go with this entry, or null. */
  const fileProblem = (forChildId: string): string | null => {
    if (summary.invalid > 0) return t("photos.removeInvalid");
    const forChild = childrenList.find((c) => c.id === forChildId);
    if (items.length > 0 && forChild?.photosAllowed === false) return t("photos.noConsentChosen", { name: forChild.firstName });
    return null;
  };

  const mediaText = (stored: readonly QueueItem<File>[]) => {
    const photos = stored.filter((i) => uploadKind(i.file) !== "video").length;
    const videos = stored.length - photos;
    const photoText = t("photos.photoCount", { count: photos });
    const videoText = t("photos.videoCount", { count: videos });
    return photos > 0 && videos > 0 ? t("photos.mediaBoth", { photos: photoText, videos: videoText }) : videos > 0 ? videoText : photoText;
  };

  /** All files are stored (or left out): parents go to their entry, staff get an empty form for the next child. */
  const finish = (done: SavedEntry, stored: readonly QueueItem<File>[]) => {
    lastKey.current = null;
    if (mode === "parent") {
      // The form stays locked while the entry page loads.
      router.push(`/diary/${done.id}?written=1`);
      return;
    }
    setSaved(stored.length > 0 ? t("photos.savedWith", { name: done.childName, media: mediaText(stored) }) : t("saved", { name: done.childName }));
    setEntry(null);
    setSomeFailed(false);
    queue.clear();
    const values = getValues();
    reset({ childId: values.childId, date: values.date, body: "", idempotencyKey: "" });
  };

  /** Sends these files to the saved entry; all stored → finish, else the failed ones are offered again. */
  const send = async (target: SavedEntry, files: readonly QueueItem<File>[], again: boolean) => {
    setSomeFailed(false);
    const allStored = again
      ? await queue.retry(files)
      : await queue.upload(files, { diaryEntryId: target.id, childIds: [], audience: "TAGGED", caption: null, batchId: target.batchId });
    const others = items.filter((i) => !files.includes(i));
    if (allStored && others.every((i) => i.status === "done")) {
      finish(target, items);
      return;
    }
    setSomeFailed(true);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A second click while the first is still saving or uploading does nothing.
    if (working.current || locked) return;
    working.current = true;
    try {
      // The key goes into the values just before validation; it is renewed only when the entry changed.
      const values = getValues();
      const fingerprint = JSON.stringify([values.childId, values.date, values.body]);
      if (lastKey.current?.fingerprint !== fingerprint) lastKey.current = { fingerprint, key: newIdempotencyKey() };
      setValue("idempotencyKey", lastKey.current.key);
      await handleSubmit(submit, onInvalid)(event);
    } finally {
      working.current = false;
    }
  };

  const submit = async (data: DiaryEntryData) => {
    setFormError(null);
    setSaved(null);
    const problem = fileProblem(data.childId);
    setFileError(problem);
    if (problem) {
      setFormError("errors.validation");
      return;
    }
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
    const target: SavedEntry = {
      id: result.data.entryId,
      childName: childrenList.find((c) => c.id === data.childId)?.firstName ?? "",
      batchId: newIdempotencyKey(),
    };
    setEntry(target);
    await send(target, items, false);
  };

  /** Sends failed files again to the saved entry (a double click sends them once). */
  const retry = async (files: readonly QueueItem<File>[]) => {
    if (!entry || working.current) return;
    working.current = true;
    try {
      await send(entry, files, true);
    } finally {
      working.current = false;
    }
  };

  const onInvalid = () => {
    setFileError(fileProblem(getValues("childId")));
    setFormError("errors.validation");
  };
  const fieldError = (field: (typeof FIELDS)[number]) => {
    const key = errors[field]?.message;
    return key ? message(key) : undefined;
  };

  const failed = items.filter((i) => i.status === "error");
  const sentCount = summary.done + summary.failed + summary.moving;
  const filesDescribedBy = [`${FILES_ID}-hint`, noConsent ? `${FILES_ID}-consent` : null, fileError ? `${FILES_ID}-error` : null].filter(Boolean).join(" ");

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-5">
      {formError ? (
        <FormAlert id={ERROR_ID} tone="error">
          {message(formError)}
        </FormAlert>
      ) : null}
      {saved !== null ? (
        <FormAlert tone="success" focusOnMount>
          {saved}
        </FormAlert>
      ) : null}
      {entry && someFailed && !busy ? (
        <FormAlert tone="error" title={t("photos.partialTitle")}>
          {t("photos.partial", { count: failed.length })}
        </FormAlert>
      ) : null}

      {/* Once the entry is saved its text is no longer edited here: the files go with what was saved. */}
      <SelectField
        id="diary-child"
        label={t("child")}
        placeholder={t("childPlaceholder")}
        options={childrenList.map((c) => ({ value: c.id, label: c.label }))}
        error={errors.childId ? fieldError("childId") : undefined}
        {...register("childId")}
        disabled={locked}
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
        disabled={locked}
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
          disabled={locked}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={["diary-body-hint", errors.body ? "diary-body-error" : null].filter(Boolean).join(" ")}
          className={cn(
            "w-full rounded-lg border bg-surface px-3 py-2 text-base text-ink shadow-xs disabled:bg-canvas",
            errors.body ? "border-danger-700" : "border-line hover:border-brand-600",
          )}
        />
        {errors.body ? (
          <p id="diary-body-error" className="text-sm font-medium text-danger-700">
            {fieldError("body")}
          </p>
        ) : null}
      </div>

      <div className="flex flex-col gap-1.5">
        <label htmlFor={FILES_ID} className="font-medium text-ink">
          {acceptVideo ? t("photos.labelWithVideos") : t("photos.label")}
        </label>
        <p id={`${FILES_ID}-hint`} className="text-sm text-muted">
          {t("photos.hint", { megabytes: Math.floor(MAX_PHOTO_BYTES / MEGABYTE) })}
          {acceptVideo ? <> {t("photos.hintVideo", { megabytes: Math.floor(MAX_VIDEO_BYTES / MEGABYTE) })}</> : null}
        </p>
        {noConsent ? (
          <p id={`${FILES_ID}-consent`} className="text-sm font-medium text-ink">
            {t("photos.noConsent", { name: child.firstName })}
          </p>
        ) : null}
        <input
          ref={fileInput}
          id={FILES_ID}
          type="file"
          multiple
          accept={acceptAttribute(acceptVideo)}
          disabled={locked || isSubmitting || noConsent}
          aria-describedby={filesDescribedBy}
          aria-invalid={fileError ? true : undefined}
          onChange={(e) => {
            // Every choice adds to the list; the picker is emptied so the same file can be chosen again.
            queue.add(e.currentTarget.files ?? []);
            e.currentTarget.value = "";
            setFileError(null);
          }}
          className={cn(
            "min-h-11 w-full rounded-lg border bg-surface px-3 py-2 text-base text-ink file:mr-3 file:min-h-9 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:font-medium file:text-brand-800 disabled:bg-canvas",
            fileError ? "border-danger-700" : "border-line",
          )}
        />
        {fileError ? (
          <p id={`${FILES_ID}-error`} className="text-sm font-medium text-danger-700">
            {fileError}
          </p>
        ) : null}
        <div className="mt-2 flex flex-col gap-2">
          <UploadFileList
            items={items}
            label={tUpload("fileListLabel")}
            canRemove={!locked && !isSubmitting}
            retryDisabled={busy}
            onRemove={(key) => {
              queue.remove(key);
              setFileError(null);
            }}
            onRetry={(item) => void retry([item])}
            onEmptied={() => fileInput.current?.focus()}
          />
          {/* Always there (possibly empty), so screen readers announce each change politely. */}
          <p role="status" className="text-sm text-muted">
            {sentCount === 0
              ? null
              : busy
                ? tUpload("summaryBusy", { done: summary.done, total: sentCount })
                : tUpload("summary", { done: summary.done, failed: summary.failed })}
          </p>
        </div>
      </div>

      {entry && someFailed && !busy ? (
        <div className="flex flex-wrap gap-3">
          <Button type="button" onClick={() => void retry(failed)}>
            {t("photos.retryAll")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => finish(entry, items.filter((i) => i.status === "done"))}>
            {t("photos.continueWithout")}
          </Button>
        </div>
      ) : (
        <div>
          <Button type="submit" disabled={isSubmitting || locked}>
            {busy ? t("photos.uploading") : isSubmitting || locked ? t("submitting") : t("submit")}
          </Button>
        </div>
      )}
    </form>
  );
}
