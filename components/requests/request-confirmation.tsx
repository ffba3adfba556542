"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";

/**
 * What a request form shows once the request is in: a title that takes focus (so screen readers and
 * keyboard users land on it), what was submitted, and the ways on: the request's details, the overview,
 * the agenda, or another request.
 */
export function RequestConfirmation({
  id,
  title,
  requestId,
  detailsLabel,
  anotherLabel,
  onAnother,
  children,
}: {
  id: string;
  title: string;
  requestId: string;
  /** "Bekijk deze aanvraag" / "Bekijk deze melding". */
  detailsLabel: string;
  /** "Nog een aanvraag doen" and the like. */
  anotherLabel: string;
  onAnother: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("Requests.confirmation");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby={id} className="flex max-w-3xl flex-col gap-4 rounded-xl border border-brand-200 bg-brand-50 p-5">
      <h2 id={id} ref={heading} tabIndex={-1} className="text-xl font-semibold text-brand-900">
        {title}
      </h2>
      {children}
      <div className="flex flex-wrap gap-2">
        <LinkButton href={`/agenda/requests/${requestId}`} variant="primary">
          {detailsLabel}
        </LinkButton>
        <LinkButton href="/agenda/requests">{t("toOverview")}</LinkButton>
        <LinkButton href="/agenda">{t("toAgenda")}</LinkButton>
        <Button variant="ghost" onClick={onAnother}>
          {anotherLabel}
        </Button>
      </div>
    </section>
  );
}
