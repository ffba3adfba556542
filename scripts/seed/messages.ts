// Demo message threads on top of scripts/seed/demo.ts (which already has parent ↔ staff threads, one
// unread for the demo parent and a message to all families of the Zeesterren): two more, so that every
// demo role opens "Berichten" to something unread —
// - Jeroen Bos asks the Dolfijnen about Tess's cuddly toy: unread for the Dolfijnen staff (Sanne de
//   Vries, medewerker@) in their inbox and menu;
// - Sanne asks the De Boer family for spare clothes for Noor and Thomas (guardian 2) answers: unread for
//   Laura (ouder@), who sees the staff's message and the other guardian's answer.
// Every moment lies before today, relative to it. Idempotent: nothing is written when the demo
// organisation is missing or already has these threads. No notifications are written (as in the rest
// of the demo data, the app would have sent them when the messages were written).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { addDays, amsterdamDay, amsterdamInstant, parseDay } from "./dates";
import { DEMO_ORGANISATION_SLUG } from "./demo";

const TESS_SUBJECT = "Knuffel van Tess";
const NOOR_SUBJECT = "Reservekleding voor Noor";

interface Spec {
  family: string;
  group: string;
  child: string;
  subject: string;
  messages: { by: string; at: Date; body: string }[];
}

/** Adds the threads above to the demo organisation; returns how many threads it wrote. */
export async function seedDemoMessages(prisma: PrismaClient, options: { today?: string | Date } = {}): Promise<number> {
  const organisation = await prisma.organisation.findUnique({ where: { slug: DEMO_ORGANISATION_SLUG }, select: { id: true } });
  if (!organisation) return 0;
  const done = await prisma.messageThread.count({
    where: { subject: { in: [TESS_SUBJECT, NOOR_SUBJECT] }, family: { organisationId: organisation.id } },
  });
  if (done > 0) return 0;

  const today = typeof options.today === "string" ? parseDay(options.today) : amsterdamDay(options.today ?? new Date());
  const at = (daysAgo: number, hour: number, minute: number) => amsterdamInstant(addDays(today, -daysAgo), hour * 60 + minute);
  const specs: Spec[] = [
    {
      family: "Bos",
      group: "Dolfijnen",
      child: "Tess",
      subject: TESS_SUBJECT,
      messages: [
        {
          by: "jeroen.bos@demo.ouderportaal.nl",
          at: at(1, 7, 45),
          body: "Goedemorgen! Tess heeft vandaag haar nieuwe knuffel mee, een grijs konijn met een rood strikje. Willen jullie erop letten dat hij vanmiddag weer mee naar huis gaat? Zonder konijn slaapt ze niet.",
        },
      ],
    },
    {
      family: "De Boer",
      group: "Dolfijnen",
      child: "Noor",
      subject: NOOR_SUBJECT,
      messages: [
        {
          by: "medewerker@demo.ouderportaal.nl",
          at: at(2, 16, 10),
          body: "Hoi Laura en Thomas, Noor heeft vandaag haar reservekleding nodig gehad (we hebben met water gespeeld). Willen jullie een nieuw setje in haar bakje leggen? Maat 80 is prima.",
        },
        { by: "ouder2@demo.ouderportaal.nl", at: at(2, 19, 32), body: "Dank voor het laten weten! Ik stop morgen een broek, een rompertje en sokken in haar tas." },
      ],
    },
  ];

  const emails = [...new Set(specs.flatMap((s) => s.messages.map((m) => m.by)))];
  const users = await prisma.user.findMany({ where: { email: { in: emails }, organisationId: organisation.id }, select: { id: true, email: true } });
  const userId = (email: string) => users.find((u) => u.email === email)?.id;

  let written = 0;
  await prisma.$transaction(async (tx) => {
    for (const spec of specs) {
      const child = await tx.child.findFirst({
        where: { firstName: spec.child, family: { name: spec.family, organisationId: organisation.id } },
        select: { id: true, familyId: true },
      });
      const group = await tx.group.findFirst({ where: { name: spec.group, location: { organisationId: organisation.id } }, select: { id: true } });
      const authors = spec.messages.map((m) => userId(m.by));
      // A demo that was changed by hand (child, group or account gone): leave it alone.
      if (!child || !group || authors.some((id) => !id)) continue;
      const first = spec.messages[0]!;
      const last = spec.messages[spec.messages.length - 1]!;
      const threadId = randomUUID();
      await tx.messageThread.create({
        data: {
          id: threadId,
          familyId: child.familyId,
          groupId: group.id,
          childId: child.id,
          subject: spec.subject,
          startedById: authors[0]!,
          createdAt: first.at,
          lastMessageAt: last.at,
        },
      });
      await tx.message.createMany({
        data: spec.messages.map((m, i) => ({ threadId, authorId: authors[i]!, body: m.body, createdAt: m.at })),
      });
      // Authors have read up to their own last message; nobody else has opened the thread.
      const reads = new Map<string, Date>();
      spec.messages.forEach((m, i) => reads.set(authors[i]!, m.at));
      await tx.threadRead.createMany({ data: [...reads].map(([id, lastReadAt]) => ({ threadId, userId: id, lastReadAt })) });
      written += 1;
    }
  });
  return written;
}
