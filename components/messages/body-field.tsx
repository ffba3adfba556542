"use client";

import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { TextAreaField } from "@/components/ui/choice-fields";

/** The message text: the shared labelled textarea (hint and error tied to it), a little taller. */
export function MessageBodyField({ labelClassName, ...props }: ComponentProps<typeof TextAreaField>) {
  return <TextAreaField labelClassName={cn("text-ink", labelClassName)} inputClassName="min-h-28 text-ink disabled:bg-canvas" {...props} />;
}
