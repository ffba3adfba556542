import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { childCare, DEFAULT_POST_CONTRACT_POLICY } from "@/lib/domain/post-contract";
import { amsterdamIsoDate, toIsoDate } from "@/lib/format/date";


export interface EndedChildNotice {
  childId: string;
  firstName: string;
  endedOn: string;
  /** null once the writing window has passed. */
  writableUntil: string | null;
  downloadableUntil: string;
}

/**
 * The family's children whose care has ended but whose diary and photos can still be downloaded, with
 * the dates to tell the parent (Mijn kind urges the download). Children in care, and those whose
 * download window has passed, are not listed.
 */
export async function endedChildrenNotices(user: Pick<SessionUser, "familyId" | "organisationId">, now: Date = new Date()): Promise<EndedChildNotice[]> {
  if (!user.familyId) return [];
  const [children, policyRow] = await Promise.all([
    db.child.findMany({
      where: { familyId: user.familyId },
      orderBy: [{ firstName: "asc" }, { id: "asc" }],
      select: { id: true, firstName: true, placements: { select: { startDate: true, endDate: true } } },
    }),
    db.organisationPolicy.findUnique({
      where: { organisationId: user.organisationId },
      select: { diaryWritableDaysAfterEnd: true, downloadDaysAfterEnd: true, accountRetentionMonthsAfterEnd: true },
    }),
  ]);
  const policy = policyRow ?? DEFAULT_POST_CONTRACT_POLICY;
  const today = amsterdamIsoDate(now);
  const notices: EndedChildNotice[] = [];
  for (const child of children) {
    const care = childCare(
      child.placements.map((p) => ({ startDate: toIsoDate(p.startDate), endDate: p.endDate ? toIsoDate(p.endDate) : null })),
      policy,
      today,
    );
    if (care.state !== "ended" || today > care.downloadableUntil) continue;
    notices.push({
      childId: child.id,
      firstName: child.firstName,
      endedOn: care.endedOn,
      writableUntil: today <= care.writableUntil ? care.writableUntil : null,
      downloadableUntil: care.downloadableUntil,
    });
  }
  return notices;
}
