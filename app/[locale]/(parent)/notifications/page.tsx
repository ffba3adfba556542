import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MarkNotificationsSeen } from "@/components/notifications/mark-seen";
import { NotificationList } from "@/components/notifications/notification-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { listNotifications } from "@/lib/db/notifications";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "Notifications" });
  return { title: t("title") };
}

// "Meldingen": what the app told the parent (a request assessed or expired, an absence registered),
// newest first; each opens what it is about. Showing the list marks it read.
export default async function NotificationsPage({ params }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const t = await getTranslations("Notifications");
  const notifications = await listNotifications(user);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      {notifications.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <>
          <NotificationList notifications={notifications} locale={locale} />
          {notifications.some((n) => !n.read) ? <MarkNotificationsSeen seenUntil={notifications[0]!.createdAt} /> : null}
        </>
      )}
    </>
  );
}
