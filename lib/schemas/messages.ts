import { z } from "zod";
import { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from "@/lib/domain/messages";

// "Bericht schrijven" and the reply box (seed 002 §4): the same schemas run in the forms
// (react-hook-form + zodResolver) and in the server actions (lib/actions/messages). Messages are keys
// ("Messages.validation.*"). Every send carries a clientKey, fresh per message the person writes: the
// same key twice (a double click, a retry after a lost answer) is one message (lib/db/messages.ts).
// What needs the database — the child, the group, the thread being the sender's — is checked there.

const subject = z
  .string({ error: "Messages.validation.subjectRequired" })
  .trim()
  .min(1, { error: "Messages.validation.subjectRequired" })
  .max(MAX_SUBJECT_LENGTH, { error: "Messages.validation.subjectTooLong" });

const body = z
  .string({ error: "Messages.validation.bodyRequired" })
  .trim()
  .min(1, { error: "Messages.validation.bodyRequired" })
  .max(MAX_BODY_LENGTH, { error: "Messages.validation.bodyTooLong" });

const clientKey = z.uuid({ error: "errors.validation" });

/** A parent starts a thread: the child, the group (chosen when the child has more than one), subject, text. */
export const startThreadSchema = z.object({
  childId: z.uuid({ error: "Messages.validation.childRequired" }),
  groupId: z.uuid({ error: "Messages.validation.groupRequired" }),
  subject,
  body,
  clientKey,
});

export type StartThreadInput = z.input<typeof startThreadSchema>;
export type StartThreadData = z.output<typeof startThreadSchema>;

/**
 * Staff start a thread in one of their groups: with one family (about a child of the group) or with all
 * families of the group (one thread per family, so answers stay private).
 */
export const startStaffThreadSchema = z
  .object({
    groupId: z.uuid({ error: "Messages.validation.groupRequired" }),
    audience: z.enum(["FAMILY", "GROUP"], { error: "StaffMessages.validation.audienceRequired" }),
    childId: z
      .union([z.uuid({ error: "StaffMessages.validation.childRequired" }), z.literal("")], { error: "StaffMessages.validation.childRequired" })
      // null: what the form sends after its own parse for the whole group (the server parses it again).
      .nullable()
      .optional(),
    subject,
    body,
    clientKey,
  })
  .superRefine((value, ctx) => {
    if (value.audience === "FAMILY" && !value.childId) {
      ctx.addIssue({ code: "custom", path: ["childId"], message: "StaffMessages.validation.childRequired" });
    }
  })
  .transform((value) => ({ ...value, childId: value.audience === "FAMILY" ? value.childId || null : null }));

export type StartStaffThreadInput = z.input<typeof startStaffThreadSchema>;
export type StartStaffThreadData = z.output<typeof startStaffThreadSchema>;

/** An answer in an existing thread ("Reageren", seed 003). */
export const replySchema = z.object({
  threadId: z.uuid({ error: "errors.notFound" }),
  body,
  clientKey,
});

export type ReplyInput = z.input<typeof replySchema>;
export type ReplyData = z.output<typeof replySchema>;

/** "Gelezen tot": the newest message the thread page showed (ISO instant). */
export const markThreadReadSchema = z.object({
  threadId: z.uuid({ error: "errors.notFound" }),
  seenUntil: z.iso.datetime({ offset: true, error: "errors.validation" }),
});

export type MarkThreadReadInput = z.input<typeof markThreadReadSchema>;
