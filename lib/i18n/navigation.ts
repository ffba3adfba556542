import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

// Locale-aware wrappers around Next's navigation APIs: `href="/agenda"` becomes `/nl/agenda`.
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
