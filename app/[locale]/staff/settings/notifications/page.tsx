import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotificationSettingsForm } from "@/components/notifications/notification-settings-form";
import { PushDeviceToggle } from "@/components/pwa/push-device-toggle";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/guards";
import { readLocale, type LocaleParams } from "@/lib/i18n/params";
import { getNotificationSettings } from "@/lib/notify/preferences";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await readLocale(params);
  const t = await getTranslations({ locale, namespace: "NotificationSettings" });
  return { title: t("title") };
}

// The staff member's own notification settings: only the events staff are notified about (new
// messages from parents), and quiet hours. Same form as the parents' page.
export default async function StaffNotificationSettingsPage({ params }: Props) {
  const locale = await readLocale(params);
  const user = await requireStaff(locale);
  const t = await getTranslations("NotificationSettings");
  const settings = await getNotificationSettings(user);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <NotificationSettingsForm events={settings.events} quietHours={settings.quietHours} pushDevices={settings.pushDevices} />
      <PushDeviceToggle />
    </>
  );
}
