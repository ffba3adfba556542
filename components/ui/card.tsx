import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-5", className)} {...props} />;
}

/** A card's heading; pick the level that fits the page outline (default h2). */
export function CardTitle({
  as: Tag = "h2",
  className,
  children,
}: {
  as?: "h2" | "h3" | "h4";
  className?: string;
  children: ReactNode;
}) {
  return <Tag className={cn("text-lg font-semibold text-ink", className)}>{children}</Tag>;
}
