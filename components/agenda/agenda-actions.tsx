import { useTranslations } from "next-intl";
import { Icon, type IconName } from "@/components/shell/icons";
import { cn } from "@/components/ui/cn";
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
 * overview. Actions whose page does not exist yet are shown disabled with a "coming soon" badge
 * instead of a link to nowhere; pass their keys in `available` once they are built.
 */
export function AgendaActions({ available = [] }: { available?: readonly AgendaActionKey[] }) {
  const t = useTranslations("Agenda");
  return (
    <section aria-labelledby="agenda-actions-heading" className="rounded-xl border border-line bg-surface p-4 shadow-sm">
      <h2 id="agenda-actions-heading" className="mb-3 text-lg font-semibold">
        {t("actionsHeading")}
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-1">
        {ACTIONS.map((action) => {
          const label = t(`actions.${action.key}`);
          const content = (
            <>
              <Icon name={action.icon} className="size-5 shrink-0" />
              <span className="min-w-0 text-left [overflow-wrap:anywhere]">{label}</span>
            </>
          );
          return (
            <li key={action.key}>
              {available.includes(action.key) ? (
                <LinkButton href={action.href} variant="secondary" className="w-full justify-start">
                  {content}
                </LinkButton>
              ) : (
                <button
                  type="button"
                  disabled
                  className={cn(
                    "flex min-h-11 w-full cursor-not-allowed items-center gap-2 rounded-lg border border-line bg-surface px-3 py-2 font-medium text-muted",
                  )}
                >
                  {content}
                  <span className="ml-auto shrink-0 rounded-md bg-accent-50 px-1.5 py-0.5 text-xs font-semibold text-accent-700">
                    {t("soon")}
                  </span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-sm text-muted">{t("contractNote")}</p>
    </section>
  );
}
