import { setPasswordMetadata, SetPasswordPage, type SetPasswordPageProps } from "../_auth/set-password-page";

export const generateMetadata = (props: SetPasswordPageProps) => setPasswordMetadata("reset", props);

export default function ResetPasswordPage(props: SetPasswordPageProps) {
  return <SetPasswordPage mode="reset" {...props} />;
}
