import { setPasswordMetadata, SetPasswordPage, type SetPasswordPageProps } from "../_auth/set-password-page";

export const generateMetadata = (props: SetPasswordPageProps) => setPasswordMetadata("activate", props);

export default function ActivatePage(props: SetPasswordPageProps) {
  return <SetPasswordPage mode="activate" {...props} />;
}
