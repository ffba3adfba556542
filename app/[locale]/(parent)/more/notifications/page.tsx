import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotificationSettingsForm } from "@/components/notifications/notification-settings-form";
import { PushDeviceToggle } from "@/components/pwa/push-device-toggle";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireParent } from "@/lib/auth/guards";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";
import { getNotificationSettings } from "@/lib/notify/preferences";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "NotificationSettings" });
  return { title: t("title") };
}

// Overig → Account → "Notificaties" (seed 002 §7.3): the parent's e-mail and push switches per event
// and their quiet hours.
export default async function NotificationSettingsPage({ params }: Props) {
  const locale = await readLocale(params);
  const user = await requireParent(locale);
  const t = await getTranslations("NotificationSettings");
  const settings = await getNotificationSettings(user);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} before={<BackLink href="/more">{t("backToMore")}</BackLink>} />
      <NotificationSettingsForm events={settings.events} quietHours={settings.quietHours} pushDevices={settings.pushDevices} />
      <PushDeviceToggle />
    </>
  );
}
