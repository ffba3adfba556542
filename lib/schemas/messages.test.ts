import { describe, expect, it } from "vitest";
import { MAX_BODY_LENGTH, MAX_SUBJECT_LENGTH } from "@/lib/domain/messages";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";
import { markThreadReadSchema, replySchema, startStaffThreadSchema, startThreadSchema } from "./messages";

const CHILD = "0b7a3c1e-8f3c-4c8e-9d1a-2f4b5c6d7e8f";
const GROUP = "1c8b4d2f-9a4d-4d9f-8e2b-3a5c6d7e8f90";
const THREAD = "2d9c5e3a-0b5e-4e0a-9f3c-4b6d7e8f9a01";
const KEY = "4f1e7a5c-2d7a-4a2c-9b5e-6d8f9a0b1c23";

function errorsOf(schema: { safeParse(input: unknown): { error?: { issues: { path: PropertyKey[]; message: string }[] } } }, input: unknown) {
  const out: Record<string, string[]> = {};
  for (const issue of schema.safeParse(input).error?.issues ?? []) (out[issue.path.map(String).join(".") || "_"] ??= []).push(issue.message);
  return out;
}

function lookup(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
}

describe("startThreadSchema", () => {
  const valid = { childId: CHILD, groupId: GROUP, subject: "  Slaapje van Noor ", body: " Noor heeft slecht geslapen. ", clientKey: KEY };

  it("accepts a message and trims subject and text", () => {
    expect(startThreadSchema.parse(valid)).toEqual({ ...valid, subject: "Slaapje van Noor", body: "Noor heeft slecht geslapen." });
  });

  it("needs a child, a group, a subject of 1..150 and a text of 1..5000 characters", () => {
    expect(errorsOf(startThreadSchema, { ...valid, childId: "", groupId: "x", subject: "   ", body: "" })).toEqual({
      childId: ["Messages.validation.childRequired"],
      groupId: ["Messages.validation.groupRequired"],
      subject: ["Messages.validation.subjectRequired"],
      body: ["Messages.validation.bodyRequired"],
    });
    expect(errorsOf(startThreadSchema, { ...valid, subject: "s".repeat(MAX_SUBJECT_LENGTH + 1), body: "b".repeat(MAX_BODY_LENGTH + 1) })).toEqual({
      subject: ["Messages.validation.subjectTooLong"],
      body: ["Messages.validation.bodyTooLong"],
    });
    expect(startThreadSchema.safeParse({ ...valid, subject: "s".repeat(MAX_SUBJECT_LENGTH), body: "b".repeat(MAX_BODY_LENGTH) }).success).toBe(true);
  });

  it("needs a client key", () => {
    expect(errorsOf(startThreadSchema, { ...valid, clientKey: "" })).toEqual({ clientKey: ["errors.validation"] });
  });
});

describe("startStaffThreadSchema", () => {
  const valid = { groupId: GROUP, audience: "FAMILY", childId: CHILD, subject: "Slaapzak", body: "Kun je een nieuwe meegeven?", clientKey: KEY };

  it("to one family needs the child", () => {
    expect(startStaffThreadSchema.parse(valid).childId).toBe(CHILD);
    expect(errorsOf(startStaffThreadSchema, { ...valid, childId: "" })).toEqual({ childId: ["StaffMessages.validation.childRequired"] });
    expect(errorsOf(startStaffThreadSchema, { ...valid, childId: "nope" })).toEqual({ childId: ["StaffMessages.validation.childRequired"] });
  });

  it("to the whole group drops any child", () => {
    expect(startStaffThreadSchema.parse({ ...valid, audience: "GROUP" }).childId).toBeNull();
    expect(startStaffThreadSchema.parse({ ...valid, audience: "GROUP", childId: "" }).childId).toBeNull();
  });

  it("needs an audience, a group, subject and text", () => {
    expect(errorsOf(startStaffThreadSchema, { ...valid, audience: "ALL", groupId: "", subject: "", body: " " })).toEqual({
      audience: ["StaffMessages.validation.audienceRequired"],
      groupId: ["Messages.validation.groupRequired"],
      subject: ["Messages.validation.subjectRequired"],
      body: ["Messages.validation.bodyRequired"],
    });
  });
});

describe("the forms send their parsed values: the server's parse of them gives the same", () => {
  it.each([
    ["startThreadSchema", startThreadSchema, { childId: CHILD, groupId: GROUP, subject: " Onderwerp ", body: " Tekst ", clientKey: KEY }],
    ["startStaffThreadSchema (family)", startStaffThreadSchema, { groupId: GROUP, audience: "FAMILY", childId: CHILD, subject: "S", body: "B", clientKey: KEY }],
    ["startStaffThreadSchema (group)", startStaffThreadSchema, { groupId: GROUP, audience: "GROUP", childId: "", subject: "S", body: "B", clientKey: KEY }],
    ["replySchema", replySchema, { threadId: THREAD, body: " Dank! ", clientKey: KEY }],
  ] as const)("%s", (_name, schema, input) => {
    const once = (schema as typeof replySchema).parse(input);
    expect((schema as typeof replySchema).parse(once)).toEqual(once);
  });
});

describe("replySchema and markThreadReadSchema", () => {
  it("a reply needs a thread id, a text and a key", () => {
    expect(replySchema.parse({ threadId: THREAD, body: " Dank! ", clientKey: KEY }).body).toBe("Dank!");
    expect(errorsOf(replySchema, { threadId: "1", body: "x".repeat(MAX_BODY_LENGTH + 1), clientKey: KEY })).toEqual({
      threadId: ["errors.notFound"],
      body: ["Messages.validation.bodyTooLong"],
    });
  });

  it("a read mark needs an instant", () => {
    expect(markThreadReadSchema.safeParse({ threadId: THREAD, seenUntil: "2026-06-15T10:00:00.000Z" }).success).toBe(true);
    expect(errorsOf(markThreadReadSchema, { threadId: THREAD, seenUntil: "gisteren" })).toEqual({ seenUntil: ["errors.validation"] });
  });
});

describe("every validation message exists in nl and en", () => {
  it.each([
    "Messages.validation.childRequired",
    "Messages.validation.groupRequired",
    "Messages.validation.subjectRequired",
    "Messages.validation.subjectTooLong",
    "Messages.validation.bodyRequired",
    "Messages.validation.bodyTooLong",
    "StaffMessages.validation.childRequired",
    "StaffMessages.validation.audienceRequired",
    "errors.validation",
    "errors.notFound",
  ])("%s", (key) => {
    expect(typeof lookup(nl, key)).toBe("string");
    expect(typeof lookup(en, key)).toBe("string");
  });
});
