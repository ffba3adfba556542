"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { newIdempotencyKey } from "@/components/requests/hours";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import { MAX_PHOTO_CAPTION_LENGTH, MAX_VIDEO_BYTES } from "@/lib/schemas/photo-upload";
import { UploadFileList } from "./upload-file-list";
import { acceptAttribute } from "./upload-files";
import { useUploadQueue } from "./use-upload-queue";

export interface UploadChild {
  id: string;
  name: string;
  /** PHOTOS consent: may be tagged. */
  canTag: boolean;
  /** PHOTOS and GROUP_PHOTOS consent: may be in a photo shared with the group. */
  canShareWithGroup: boolean;
}

type Target = { kind: "group"; groupId: string; childrenList: readonly UploadChild[] } | { kind: "diary"; diaryEntryId: string; acceptVideo?: boolean };

const VIDEO_MEGABYTES = Math.floor(MAX_VIDEO_BYTES / (1024 * 1024));

/**
 * Uploading photos (issue 4 §3): pick files (several at once, and more after that), each listed with a
 * preview and checked at once (type, size); the children on them (staff, for a group: only the group's
 * children; those without photo consent shown disabled with the reason), who sees them, a caption; each
 * file then travels on its own with a progress bar, a translated error and a retry
 * (use-upload-queue.ts). For a diary entry the entry's child is tagged and only the family sees them.
 */
export function PhotoUploadForm({ target }: { target: Target }) {
  const t = useTranslations("Photos.upload");
  const acceptVideo = target.kind === "diary" && Boolean(target.acceptVideo);
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [tagged, setTagged] = useState<string[]>([]);
  const [audience, setAudience] = useState<"TAGGED" | "GROUP">("TAGGED");
  const [caption, setCaption] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const queue = useUploadQueue({ diary: target.kind === "diary", acceptVideo });
  const { items, summary, busy } = queue;

  const children = target.kind === "group" ? target.childrenList : [];
  const groupAllowed = tagged.every((cid) => children.find((c) => c.id === cid)?.canShareWithGroup);
  const effectiveAudience = groupAllowed ? audience : "TAGGED";

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (summary.invalid > 0) {
      setFormError(t("removeInvalid"));
      return;
    }
    const ready = items.filter((item) => item.status === "ready");
    if (ready.length === 0) {
      setFormError(t("noFiles"));
      return;
    }
    // One session per click: its photos share one notification per parent.
    const batchId = newIdempotencyKey();
    const meta =
      target.kind === "group"
        ? { groupId: target.groupId, childIds: tagged, audience: effectiveAudience, caption: caption.trim() || null, batchId }
        : { diaryEntryId: target.diaryEntryId, childIds: [], audience: "TAGGED" as const, caption: caption.trim() || null, batchId };
    await queue.upload(ready, meta);
    router.refresh();
  };

  const retry = async (item: (typeof items)[number]) => {
    await queue.retry([item]);
    router.refresh();
  };

  const sent = summary.done + summary.failed + summary.moving;

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
            accept={acceptAttribute(acceptVideo)}
            aria-describedby={`${id}-files-hint`}
            onChange={(e) => {
              // Every choice adds to the list; the picker is emptied so the same file can be chosen again.
              queue.add(e.currentTarget.files ?? []);
              e.currentTarget.value = "";
              setFormError(null);
            }}
            className="min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink file:mr-3 file:min-h-9 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:font-medium file:text-brand-800"
          />
        </div>

        <div className="flex flex-col gap-2">
          <UploadFileList
            items={items}
            label={t("fileListLabel")}
            canRemove
            retryDisabled={busy}
            onRemove={queue.remove}
            onRetry={(item) => void retry(item)}
            onEmptied={() => fileInput.current?.focus()}
          />
          {/* Always there (possibly empty), so screen readers announce each change politely. */}
          <p role="status" className="text-sm text-muted">
            {sent === 0 ? null : busy ? t("summaryBusy", { done: summary.done, total: sent }) : t("summary", { done: summary.done, failed: summary.failed })}
          </p>
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

    </div>
  );
}
