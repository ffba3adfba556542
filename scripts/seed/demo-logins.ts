// The demo accounts: one source for the seed, the README table and the e2e tests.
// Plain data only (no server imports), so anything may import it.

export const DEMO_PASSWORD = "ouderportaal-demo";
export const DEMO_EMAIL_DOMAIN = "demo.ouderportaal.nl";

export type DemoRole = "PARENT" | "STAFF" | "PLANNER" | "ADMIN";

export interface DemoLogin {
  email: string;
  name: string;
  role: DemoRole;
  /** false: no password yet; the account is activated through "Wachtwoord vergeten"/the activation link. */
  activated: boolean;
  description: { nl: string; en: string };
}

export const DEMO_LOGINS = [
  {
    email: "ouder@demo.ouderportaal.nl",
    name: "Laura de Boer",
    role: "PARENT",
    activated: true,
    description: {
      nl: "Eerste ouder/verzorger van Noor (Dolfijnen) en Sem (Avonturiers); ziet documenten, tegoed en aanvragen",
      en: "First guardian of Noor (Dolfijnen) and Sem (Avonturiers); sees documents, credits and requests",
    },
  },
  {
    email: "ouder2@demo.ouderportaal.nl",
    name: "Thomas de Boer",
    role: "PARENT",
    activated: true,
    description: {
      nl: "Tweede ouder/verzorger van hetzelfde gezin; ziet geen facturen of documenten",
      en: "Second guardian of the same family; does not see invoices or documents",
    },
  },
  {
    email: "flex@demo.ouderportaal.nl",
    name: "Kim Mulder",
    role: "PARENT",
    activated: true,
    description: {
      nl: "Flexcontract: Lucas (Zeesterren) met een jaarpot flexuren",
      en: "Flex contract: Lucas (Zeesterren) with a yearly pot of flex hours",
    },
  },
  {
    email: "oud@demo.ouderportaal.nl",
    name: "Mark van den Berg",
    role: "PARENT",
    activated: true,
    description: {
      nl: "Plaatsing van Julia (Zeesterren) is drie weken geleden geëindigd",
      en: "Julia's placement (Zeesterren) ended three weeks ago",
    },
  },
  {
    email: "nieuw@demo.ouderportaal.nl",
    name: "Sophie Hendriks",
    role: "PARENT",
    activated: false,
    description: {
      nl: "Nog niet geactiveerd (geen wachtwoord): activeer via 'Wachtwoord vergeten'; Finn start over zes weken bij de Vlinders",
      en: "Not activated yet (no password): activate through 'Forgot password'; Finn starts at Vlinders in six weeks",
    },
  },
  {
    email: "anouk.meijer@demo.ouderportaal.nl",
    name: "Anouk Meijer",
    role: "PARENT",
    activated: true,
    description: {
      nl: "Mila (Vlinders, locatie Noord) zonder toestemming voor foto's",
      en: "Mila (Vlinders, location Noord) without consent for photos",
    },
  },
  {
    email: "jeroen.bos@demo.ouderportaal.nl",
    name: "Jeroen Bos",
    role: "PARENT",
    activated: true,
    description: {
      nl: "Tess (Dolfijnen) zonder toestemming voor groepsfoto's",
      en: "Tess (Dolfijnen) without consent for group photos",
    },
  },
  {
    email: "elif.kaya@demo.ouderportaal.nl",
    name: "Elif Kaya",
    role: "PARENT",
    activated: true,
    description: {
      nl: "Zeynep (Zeesterren) en Emir (Avonturiers)",
      en: "Zeynep (Zeesterren) and Emir (Avonturiers)",
    },
  },
  {
    email: "rik.dijkstra@demo.ouderportaal.nl",
    name: "Rik Dijkstra",
    role: "PARENT",
    activated: true,
    description: { nl: "Luuk (Avonturiers)", en: "Luuk (Avonturiers)" },
  },
  {
    email: "medewerker@demo.ouderportaal.nl",
    name: "Sanne de Vries",
    role: "STAFF",
    activated: true,
    description: {
      nl: "Pedagogisch medewerker van de Dolfijnen (baby's), mentor van Noor en Tess",
      en: "Childcare worker of Dolfijnen (babies), mentor of Noor and Tess",
    },
  },
  {
    email: "pm.zeesterren@demo.ouderportaal.nl",
    name: "Fatima El Amrani",
    role: "STAFF",
    activated: true,
    description: { nl: "Pedagogisch medewerker van de Zeesterren (peuters)", en: "Childcare worker of Zeesterren (toddlers)" },
  },
  {
    email: "pm.avonturiers@demo.ouderportaal.nl",
    name: "Daan Bakker",
    role: "STAFF",
    activated: true,
    description: { nl: "Pedagogisch medewerker van de Avonturiers (BSO)", en: "Childcare worker of Avonturiers (out-of-school care)" },
  },
  {
    email: "pm.vlinders@demo.ouderportaal.nl",
    name: "Lotte Visser",
    role: "STAFF",
    activated: true,
    description: { nl: "Pedagogisch medewerker van de Vlinders (locatie Noord)", en: "Childcare worker of Vlinders (location Noord)" },
  },
  {
    email: "pm.centrum@demo.ouderportaal.nl",
    name: "Joyce Koster",
    role: "STAFF",
    activated: true,
    description: {
      nl: "Pedagogisch medewerker van de Dolfijnen én de Zeesterren",
      en: "Childcare worker of both Dolfijnen and Zeesterren",
    },
  },
  {
    email: "planner@demo.ouderportaal.nl",
    name: "Marieke Jansen",
    role: "PLANNER",
    activated: true,
    description: { nl: "Planner: beoordeelt aanvragen van alle groepen", en: "Planner: assesses requests of every group" },
  },
  {
    email: "admin@demo.ouderportaal.nl",
    name: "Peter van Dijk",
    role: "ADMIN",
    activated: true,
    description: { nl: "Beheerder van de organisatie (ook planner)", en: "Administrator of the organisation (also planner)" },
  },
] as const satisfies readonly DemoLogin[];

export type DemoEmail = (typeof DEMO_LOGINS)[number]["email"];

export function demoLogin(address: DemoEmail): DemoLogin {
  const found = DEMO_LOGINS.find((login) => login.email === address);
  if (!found) throw new Error(`Unknown demo login ${address}`);
  return found;
}
