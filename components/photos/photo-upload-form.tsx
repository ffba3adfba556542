"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { newIdempotencyKey } from "@/components/requests/hours";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import { MAX_PHOTO_CAPTION_LENGTH, MAX_VIDEO_BYTES, uploadQuery, type PhotoUploadMetaInput } from "@/lib/schemas/photo-upload";

export interface UploadChild {
  id: string;
  name: string;
  /** PHOTOS consent: may be tagged. */
  canTag: boolean;
  /** PHOTOS and GROUP_PHOTOS consent: may be in a photo shared with the group. */
  canShareWithGroup: boolean;
}

type Target = { kind: "group"; groupId: string; childrenList: readonly UploadChild[] } | { kind: "diary"; diaryEntryId: string; acceptVideo?: boolean };

interface Item {
  key: string;
  file: File;
  meta: PhotoUploadMetaInput;
  status: "waiting" | "uploading" | "done" | "error";
  /** 0–100 */
  progress: number;
  error?: { code: string; values?: Record<string, string | number> };
}

const VIDEO_MEGABYTES = Math.floor(MAX_VIDEO_BYTES / (1024 * 1024));

/** At most this many files travel at once. */
const PARALLEL = 2;

/** Sends one file; resolves with the server's JSON answer (or a network error). */
function send(item: Item, onProgress: (percent: number) => void): Promise<{ ok: boolean; code?: string; values?: Record<string, string | number> }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/photos/upload?${uploadQuery(item.meta)}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { ok?: boolean; code?: string; values?: Record<string, string | number> };
      resolve(xhr.status >= 200 && xhr.status < 300 && body.ok ? { ok: true } : { ok: false, code: body.code ?? "errors.unexpected", values: body.values });
    };
    xhr.onerror = () => resolve({ ok: false, code: "Photos.upload.networkError" });
    xhr.send(item.file);
  });
}

/**
 * Uploading photos (issue 4 §3): pick files (several at once), the children on them (staff, for a group:
 * only the group's children; those without photo consent shown disabled with the reason), who sees
 * them, a caption; each file then travels on its own with a progress bar, a translated error and a
 * retry. For a diary entry the entry's child is tagged and only the family sees the photos.
 */
export function PhotoUploadForm({ target }: { target: Target }) {
  const t = useTranslations("Photos.upload");
  const acceptVideo = target.kind === "diary" && Boolean(target.acceptVideo);
  const tAll = useTranslations();
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [tagged, setTagged] = useState<string[]>([]);
  const [audience, setAudience] = useState<"TAGGED" | "GROUP">("TAGGED");
  const [caption, setCaption] = useState("");
  const [items, setItems] = useState<Item[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const children = target.kind === "group" ? target.childrenList : [];
  const groupAllowed = tagged.every((cid) => children.find((c) => c.id === cid)?.canShareWithGroup);
  const effectiveAudience = groupAllowed ? audience : "TAGGED";

  const update = (key: string, change: Partial<Item>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...change } : it)));

  const run = async (queue: Item[]) => {
    setBusy(true);
    let next = 0;
    const worker = async () => {
      while (next < queue.length) {
        const item = queue[next++]!;
        update(item.key, { status: "uploading", progress: 0, error: undefined });
        const result = await send(item, (progress) => update(item.key, { progress }));
        update(item.key, result.ok ? { status: "done", progress: 100 } : { status: "error", error: { code: result.code!, values: result.values } });
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
    setBusy(false);
    router.refresh();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const files = [...(fileInput.current?.files ?? [])];
    if (files.length === 0) {
      setFormError(t("noFiles"));
      return;
    }
    const batchId = newIdempotencyKey();
    const base: Omit<PhotoUploadMetaInput, "clientKey"> =
      target.kind === "group"
        ? { groupId: target.groupId, childIds: tagged, audience: effectiveAudience, caption: caption.trim() || null, batchId }
        : { diaryEntryId: target.diaryEntryId, childIds: [], audience: "TAGGED", caption: caption.trim() || null, batchId };
    const queue: Item[] = files.map((file) => {
      const key = newIdempotencyKey();
      return { key, file, meta: { ...base, clientKey: key, originalName: file.name }, status: "waiting", progress: 0 };
    });
    setItems((list) => [...queue, ...list]);
    if (fileInput.current) fileInput.current.value = "";
    void run(queue);
  };

  const errorText = (error: Item["error"]) => {
    if (!error) return "";
    const key = error.code as Parameters<typeof tAll>[0];
    return tAll.has(key) ? (tAll as (k: string, v?: Record<string, string | number>) => string)(error.code, error.values) : tAll("errors.unexpected");
  };

  const done = items.filter((i) => i.status === "done").length;
  const failed = items.filter((i) => i.status === "error").length;

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {target.kind === "group" ? t("heading") : t("diaryHeading")}
        </h2>
        {formError ? <FormAlert tone="error">{formError}</FormAlert> : null}

        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-files`} className="font-medium text-ink">
            {t("files")}
          </label>
          <p id={`${id}-files-hint`} className="text-sm text-muted">
            {t("filesHint")}
            {acceptVideo ? <> {t("filesHintVideo", { megabytes: VIDEO_MEGABYTES })}</> : null}
          </p>
          <input
            ref={fileInput}
            id={`${id}-files`}
            type="file"
            multiple
            accept={`image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif${acceptVideo ? ",video/mp4,video/webm" : ""}`}
            aria-describedby={`${id}-files-hint`}
            className="min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink file:mr-3 file:min-h-9 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:font-medium file:text-brand-800"
          />
        </div>

        {target.kind === "group" ? (
          <>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 font-medium text-ink">{t("children")}</legend>
              <p className="text-sm text-muted">{t("childrenHint")}</p>
              {children.length === 0 ? <p className="text-muted">{t("noChildren")}</p> : null}
              <ul className="grid gap-1 sm:grid-cols-2">
                {children.map((c) => {
                  const reasonId = `${id}-reason-${c.id}`;
                  return (
                    <li key={c.id}>
                      <label className={`flex min-h-11 items-start gap-3 rounded-lg px-2 py-2 ${c.canTag ? "hover:bg-brand-50" : "text-muted"}`}>
                        <input
                          type="checkbox"
                          name="child"
                          value={c.id}
                          disabled={!c.canTag}
                          checked={tagged.includes(c.id)}
                          onChange={(e) => setTagged((list) => (e.target.checked ? [...list, c.id] : list.filter((x) => x !== c.id)))}
                          aria-describedby={c.canTag ? undefined : reasonId}
                          className="mt-1 size-5 shrink-0 accent-brand-700"
                        />
                        <span className="flex flex-col">
                          <span>{c.name}</span>
                          {!c.canTag ? (
                            <span id={reasonId} className="text-sm">
                              {t("noConsent")}
                            </span>
                          ) : !c.canShareWithGroup ? (
                            <span className="text-sm text-muted">{t("noGroupConsent")}</span>
                          ) : null}
                        </span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>

            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 font-medium text-ink">{t("audience")}</legend>
              <p id={`${id}-audience-hint`} className="text-sm text-muted">
                {groupAllowed ? t("audienceHint") : t("audienceGroupBlocked")}
              </p>
              {(["TAGGED", "GROUP"] as const).map((value) => (
                <label key={value} className="flex min-h-11 items-center gap-3">
                  <input
                    type="radio"
                    name="audience"
                    value={value}
                    checked={effectiveAudience === value}
                    disabled={value === "GROUP" && !groupAllowed}
                    onChange={() => setAudience(value)}
                    aria-describedby={`${id}-audience-hint`}
                    className="size-5 accent-brand-700"
                  />
                  <span>{t(`audience${value}`)}</span>
                </label>
              ))}
            </fieldset>
          </>
        ) : (
          <p className="text-sm text-muted">{t("diaryHint")}</p>
        )}

        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-caption`} className="font-medium text-ink">
            {t("caption")}
          </label>
          <input
            id={`${id}-caption`}
            type="text"
            maxLength={MAX_PHOTO_CAPTION_LENGTH}
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            className="min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink shadow-xs hover:border-brand-600"
          />
        </div>

        <div>
          <Button type="submit" disabled={busy}>
            {busy ? t("uploading") : t("submit")}
          </Button>
        </div>
      </form>

      {items.length > 0 ? (
        <section aria-labelledby={`${id}-progress`} className="flex flex-col gap-3">
          <h2 id={`${id}-progress`} className="text-lg font-semibold">
            {t("progressHeading")}
          </h2>
          <p role="status" className="text-sm text-muted">
            {busy ? t("summaryBusy", { done, total: items.length }) : t("summary", { done, failed })}
          </p>
          <ul className="flex flex-col divide-y divide-line rounded-xl border border-line bg-surface" data-upload-list>
            {items.map((item) => (
              <li key={item.key} className="flex flex-col gap-2 p-3" data-upload-item data-status={item.status}>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="min-w-0 break-all font-medium">{item.file.name}</span>
                  <span className={item.status === "error" ? "text-sm font-medium text-danger-700" : "text-sm text-muted"}>
                    {item.status === "error" ? t("failed") : t(`status.${item.status}`)}
                  </span>
                </div>
                <progress
                  max={100}
                  value={item.progress}
                  aria-label={t("progressLabel", { name: item.file.name })}
                  className="h-2 w-full overflow-hidden rounded-full accent-brand-700"
                />
                {item.status === "error" ? (
                  <div className="flex flex-wrap items-center gap-3">
                    <p className="text-sm text-danger-700">{errorText(item.error)}</p>
                    {/* A retry sends the same file with the same key: it is never stored twice. */}
                    <Button type="button" variant="secondary" disabled={busy} onClick={() => void run([{ ...item, status: "waiting", progress: 0 }])}>
                      {t("retry")}
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
