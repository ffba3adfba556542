import { useTranslations } from "next-intl";
import { Icon, type IconName } from "@/components/shell/icons";
import { LinkButton } from "@/components/ui/link-button";

export type AgendaActionKey = "requestDay" | "swapDay" | "absence" | "requests";

const ACTIONS: { key: AgendaActionKey; href: string; icon: IconName }[] = [
  { key: "requestDay", href: "/agenda/request-day", icon: "agenda" },
  { key: "swapDay", href: "/agenda/swap-day", icon: "agenda" },
  { key: "absence", href: "/agenda/absence", icon: "absence" },
  { key: "requests", href: "/agenda/requests", icon: "requests" },
];

/**
 * The agenda's actions (seed 002 §5.1): request a day, request a swap day, report absence, request
 * overview.
 */
export function AgendaActions() {
  const t = useTranslations("Agenda");
  return (
    <section aria-labelledby="agenda-actions-heading" className="rounded-xl border border-line bg-surface p-4 shadow-sm">
      <h2 id="agenda-actions-heading" className="mb-3 text-lg font-semibold">
        {t("actionsHeading")}
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-1">
        {ACTIONS.map((action) => (
          <li key={action.key}>
            <LinkButton href={action.href} variant="secondary" className="w-full justify-start">
              <Icon name={action.icon} className="size-5 shrink-0" />
              <span className="min-w-0 text-left [overflow-wrap:anywhere]">{t(`actions.${action.key}`)}</span>
            </LinkButton>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-muted">{t("contractNote")}</p>
    </section>
  );
}
