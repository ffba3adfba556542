"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A message about the whole form. Errors are announced (role="alert") and take focus, so keyboard and
 * screen-reader users land on them; success and information are a polite status.
 */
export function FormAlert({
  id,
  tone,
  title,
  children,
  focusOnMount = tone === "error",
}: {
  id?: string;
  tone: "error" | "success" | "info";
  title?: ReactNode;
  children?: ReactNode;
  focusOnMount?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount, children]);
  return (
    <div
      ref={ref}
      id={id}
      tabIndex={-1}
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-lg border p-4",
        tone === "error" && "border-danger-700/40 bg-danger-50 text-danger-700",
        tone === "success" && "border-brand-200 bg-brand-50 text-brand-900",
        tone === "info" && "border-line bg-canvas text-ink",
      )}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={cn(title ? "mt-1" : undefined, tone === "error" ? "text-ink" : undefined)}>{children}</div> : null}
    </div>
  );
}
