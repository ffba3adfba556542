import type { ComponentProps } from "react";
import { Link } from "@/lib/i18n/navigation";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button";
import { cn } from "./cn";

type LinkButtonProps = ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: ButtonSize };

/** A locale-aware link that looks like a button (navigation, not an action). */
export function LinkButton({ variant = "secondary", size, className, ...props }: LinkButtonProps) {
  return <Link className={cn(buttonClasses(variant, size), className)} {...props} />;
}
