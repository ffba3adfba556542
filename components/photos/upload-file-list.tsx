"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { uploadKind, megabytes } from "./upload-files";
import type { QueueItem, UploadError } from "./upload-queue";

/** A message key that arrived as data (the server's or the form's), translated; unknown keys become "errors.unexpected". */
export function useUploadErrorText() {
  const tAll = useTranslations();
  return (error: UploadError | undefined): string => {
    if (!error) return "";
    const key = error.code as Parameters<typeof tAll>[0];
    return tAll.has(key) ? (tAll as (k: string, v?: Record<string, string | number>) => string)(error.code, error.values) : tAll("errors.unexpected");
  };
}

/** A small preview of a chosen photo (from the file itself, never sent anywhere); a symbol for a video or a photo the browser cannot show (HEIC). */
function Preview({ file }: { file: File }) {
  const image = useRef<HTMLImageElement>(null);
  const [broken, setBroken] = useState(false);
  const kind = uploadKind(file);
  useEffect(() => {
    const img = image.current;
    if (!img) return;
    const objectUrl = URL.createObjectURL(file);
    img.src = objectUrl;
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  const frame = "flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-md border border-line bg-canvas text-muted";
  if (kind === "photo" && !broken) {
    return (
      <span className={frame}>
        {/* The chosen file itself (a blob: URL set once mounted); the name next to it says what it is. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img ref={image} alt="" width={64} height={64} className="size-full object-cover" onError={() => setBroken(true)} data-upload-preview />
      </span>
    );
  }
  return (
    <span className={frame} aria-hidden="true">
      {kind === "video" ? (
        <svg viewBox="0 0 24 24" className="size-7" fill="none" stroke="currentColor" strokeWidth="1.8">
          <rect x="3" y="6" width="13" height="12" rx="2" />
          <path d="m16 10 5-3v10l-5-3z" />
        </svg>
      ) : (
        <svg viewBox="0 0 24 24" className="size-7" fill="none" stroke="currentColor" strokeWidth="1.8">
          <rect x="3" y="4" width="18" height="16" rx="2" />
          <circle cx="9" cy="10" r="2" />
          <path d="m21 16-5-5-9 9" />
        </svg>
      )}
    </span>
  );
}

/**
 * The chosen files of an upload form: a preview, the name and size, then — once sent — a progress bar,
 * "Geüpload" or the reason it failed with a retry. Files not sent yet (and those the form refused) can
 * be removed; focus then moves to the next file's button, or to `onEmptied` (the file picker).
 */
export function UploadFileList({
  items,
  label,
  canRemove,
  retryDisabled,
  onRemove,
  onRetry,
  onEmptied,
}: {
  items: readonly QueueItem<File>[];
  /** The list's accessible name. */
  label: string;
  /** Whether a file not sent yet (or refused) may still be taken out. */
  canRemove: boolean;
  retryDisabled: boolean;
  onRemove: (key: string) => void;
  onRetry: (item: QueueItem<File>) => void;
  onEmptied?: () => void;
}) {
  const t = useTranslations("Photos.upload");
  const errorText = useUploadErrorText();
  const list = useRef<HTMLUListElement>(null);
  const removedAt = useRef<number | null>(null);

  useEffect(() => {
    if (removedAt.current === null) return;
    const index = removedAt.current;
    removedAt.current = null;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>("button[data-remove]") ?? [])];
    const target = buttons[Math.min(index, buttons.length - 1)];
    if (target) target.focus();
    else onEmptied?.();
  }, [items, onEmptied]);

  if (items.length === 0) return null;
  return (
    <ul ref={list} aria-label={label} className="flex flex-col divide-y divide-line rounded-xl border border-line bg-surface" data-upload-list>
      {items.map((item, index) => {
        const nameId = `upload-${item.key}-name`;
        const errorId = `upload-${item.key}-error`;
        const sent = item.status !== "ready" && item.status !== "invalid";
        const failed = item.status === "error" || item.status === "invalid";
        const removable = canRemove && (item.status === "ready" || item.status === "invalid" || item.status === "error");
        return (
          // Refused by the form or by the server: either way the file is "error" to whoever reads the list.
          <li key={item.key} className="flex gap-3 p-3" data-upload-item data-status={item.status === "invalid" ? "error" : item.status}>
            <Preview file={item.file} />
            <div className="flex min-w-0 flex-1 flex-col gap-2">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <span id={nameId} className="min-w-0 break-all font-medium">
                  {item.file.name}
                </span>
                <span className={failed ? "text-sm font-medium text-danger-700" : "text-sm text-muted"}>
                  {item.status === "ready"
                    ? t("fileSize", { size: megabytes(item.file.size) })
                    : item.status === "invalid"
                      ? t("status.invalid")
                      : item.status === "error"
                        ? t("failed")
                        : t(`status.${item.status}`)}
                </span>
              </div>
              {sent ? (
                <progress
                  max={100}
                  value={item.progress}
                  aria-label={t("progressLabel", { name: item.file.name })}
                  className="h-2 w-full overflow-hidden rounded-full accent-brand-700"
                />
              ) : null}
              {failed ? (
                <p id={errorId} className="text-sm text-danger-700">
                  {errorText(item.error)}
                </p>
              ) : null}
              {item.status === "error" || removable ? (
                <div className="flex flex-wrap gap-2">
                  {/* A retry sends the same file with the same key: it is never stored twice. */}
                  {item.status === "error" ? (
                    <Button type="button" variant="secondary" disabled={retryDisabled} onClick={() => onRetry(item)} aria-label={t("retryFile", { name: item.file.name })}>
                      {t("retry")}
                    </Button>
                  ) : null}
                  {removable ? (
                    <Button
                      type="button"
                      variant="ghost"
                      data-remove
                      aria-label={t("removeFile", { name: item.file.name })}
                      onClick={() => {
                        removedAt.current = index;
                        onRemove(item.key);
                      }}
                    >
                      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
                        <path d="M5.3 4 10 8.7 14.7 4 16 5.3 11.3 10l4.7 4.7-1.3 1.3-4.7-4.7L5.3 16 4 14.7 8.7 10 4 5.3z" />
                      </svg>
                      {t("remove")}
                    </Button>
                  ) : null}
                </div>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
