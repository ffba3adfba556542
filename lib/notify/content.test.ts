import { describe, expect, it } from "vitest";
import { NOTIFICATION_EVENTS } from "@/lib/domain/notification-preferences";
import { appLink, eventText, PUSH_BODY_MAX, renderNotificationMail, renderPushPayload, settingsPath, type NotificationContent } from "./content";

const env = { appUrl: "https://ouders.example.test/", organisationName: "Kinderopvang De Zonnebloem" };
const parent = { name: "Eva Jansen", locale: "nl", role: "PARENT" as const };

function note(event: NotificationContent["event"], data: unknown, url = "/x"): NotificationContent {
  return { id: "7b0b3f4e-0000-4000-8000-000000000001", event, url, data };
}

describe("links", () => {
  it("APP_URL + locale + path, and the settings page per role", () => {
    expect(appLink("https://ouders.example.test/", "en", "/agenda/requests/1")).toBe("https://ouders.example.test/en/agenda/requests/1");
    expect(appLink("https://ouders.example.test", "nl", "diary/2")).toBe("https://ouders.example.test/nl/diary/2");
    expect(settingsPath("PARENT")).toBe("/more/notifications");
    for (const role of ["STAFF", "PLANNER", "ADMIN"] as const) expect(settingsPath(role)).toBe("/staff/settings/notifications");
  });
});

describe("push payload", () => {
  it("title, body, url with locale and the notification as tag, per language", () => {
    const n = note("NEW_PHOTOS", { count: 3, groupName: "Dolfijnen", uploaderName: "Sanne", childNames: ["Noor", "Sem"] }, "/");
    expect(renderPushPayload(n, { locale: "nl" })).toEqual({
      title: "3 nieuwe foto's in Dolfijnen",
      body: "Sanne heeft 3 nieuwe foto's geplaatst in Dolfijnen (met Noor en Sem).",
      url: "/nl/",
      tag: n.id,
    });
    expect(renderPushPayload(n, { locale: "en" })).toEqual({
      title: "3 new photos in Dolfijnen",
      body: "Sanne posted 3 new photos in Dolfijnen (with Noor and Sem).",
      url: "/en/",
      tag: n.id,
    });
    // One photo, no tagged children.
    expect(renderPushPayload(note("NEW_PHOTOS", { count: 1, groupName: "Dolfijnen", uploaderName: "Sanne", childNames: [] }), { locale: "nl" }).body).toBe(
      "Sanne heeft een nieuwe foto geplaatst in Dolfijnen.",
    );
  });

  it("a message's push shows its preview, shortened to PUSH_BODY_MAX", () => {
    const preview = "Lang verhaal ".repeat(40);
    const payload = renderPushPayload(note("NEW_MESSAGE", { subject: "Uitje", authorName: "Sanne", groupName: "Dolfijnen", preview }, "/messages/t1"), { locale: "nl" });
    expect(payload.title).toBe("Nieuw bericht van Sanne");
    expect(payload.body.length).toBeLessThanOrEqual(PUSH_BODY_MAX);
    expect(payload.body.endsWith("…")).toBe(true);
    expect(payload.url).toBe("/nl/messages/t1");
  });

  it("an unknown locale falls back to Dutch; missing data never throws", () => {
    expect(renderPushPayload(note("REQUEST_ASSESSED", { kind: "EXTRA_DAY", periodStart: "2026-12-07", periodEnd: "2026-12-07" }, "/agenda/requests/r"), { locale: "fr" })).toMatchObject({
      title: "Je aanvraag is beoordeeld",
      body: "Je aanvraag (Extra dag, 7 december 2026) is beoordeeld. In het aanvragenoverzicht zie je de uitkomst per dagdeel.",
      url: "/nl/agenda/requests/r",
    });
    for (const event of NOTIFICATION_EVENTS) {
      for (const data of [null, {}, [], "x"]) {
        for (const locale of ["nl", "en"]) {
          const text = eventText(event, data, locale);
          expect(text.title.length, `${event} ${locale}`).toBeGreaterThan(0);
          expect(text.subject.length).toBeGreaterThan(0);
          expect(text.action.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it("expired requests name the day they were due, or say they were late", () => {
    expect(eventText("REQUEST_EXPIRED", { kind: "SWAP_DAY", items: 1, reason: "DATE_PASSED" }, "en").pushBody).toBe(
      "Your request (Swap day) was not assessed in time: 1 day part has expired.",
    );
    expect(eventText("REQUEST_EXPIRED", { kind: "EXTRA_DAY", items: 2, reason: "EXPIRES_ON", expiresOn: "2026-12-01" }, "nl").pushBody).toBe(
      "Je aanvraag (Extra dag) is niet vóór 1 december 2026 beoordeeld: 2 dagdelen zijn vervallen.",
    );
  });
});

describe("notification mail", () => {
  it("greets, links to the page and to the settings, escapes HTML", () => {
    const mail = renderNotificationMail(
      note("NEWS", { title: "Zomerfeest <b>&</b> BBQ", locationName: "Zonnebloem Centrum" }, "/location/news/n1"),
      parent,
      env,
    );
    expect(mail.subject).toBe("Nieuws: Zomerfeest <b>&</b> BBQ");
    expect(mail.text).toContain("Beste Eva Jansen,");
    expect(mail.text).toContain("Er is nieuws van Zonnebloem Centrum: “Zomerfeest <b>&</b> BBQ”.");
    expect(mail.text).toContain("Nieuws lezen:\nhttps://ouders.example.test/nl/location/news/n1");
    expect(mail.text).toContain("https://ouders.example.test/nl/more/notifications");
    expect(mail.text).toContain("Kinderopvang De Zonnebloem");
    expect(mail.html).toContain("Zomerfeest &lt;b&gt;&amp;&lt;/b&gt; BBQ");
    expect(mail.html).not.toContain("<b>&</b>");
    expect(mail.html).toContain('href="https://ouders.example.test/nl/location/news/n1"');
    expect(mail.html).toContain('<a href="https://ouders.example.test/nl/more/notifications" style="color:#22614f">Meldingen instellen</a>');
    expect(mail.html).toContain('<html lang="nl">');
  });

  it("staff get their own settings page, in their language", () => {
    const mail = renderNotificationMail(
      note("NEW_MESSAGE", { subject: "Ophalen", authorName: "Eva Jansen", groupName: "Dolfijnen", childFirstName: "Noor", preview: "Opa haalt Noor vandaag op." }, "/staff/messages/t1"),
      { name: "Sanne", locale: "en", role: "STAFF" },
      env,
    );
    expect(mail.subject).toBe("New message from Eva Jansen: Ophalen");
    expect(mail.text).toContain("Eva Jansen sent a message in the conversation “Ophalen” (Dolfijnen, about Noor).");
    expect(mail.text).not.toContain("Opa haalt Noor vandaag op.");
    expect(mail.text).toContain("https://ouders.example.test/en/staff/messages/t1");
    expect(mail.text).toContain("https://ouders.example.test/en/staff/settings/notifications");
  });

  it("the absence confirmation keeps its detailed mail from what the notification recorded", () => {
    const data = {
      reason: "SICK",
      periodStart: "2026-12-07",
      periodEnd: "2026-12-07",
      minutes: 690,
      makeUpMinutes: 690,
      mail: {
        children: [
          {
            name: "Noor Jansen",
            dayParts: [
              { date: "2026-12-07", code: "MORNING", startMinute: 420, endMinute: 780, groupName: "Dolfijnen" },
              { date: "2026-12-07", code: "AFTERNOON", startMinute: 780, endMinute: 1110, groupName: "Dolfijnen" },
            ],
          },
        ],
      },
    };
    const mail = renderNotificationMail(note("ABSENCE_CONFIRMATION", data, "/agenda/requests/r1"), parent, env);
    expect(mail.subject).toBe("Bevestiging van je afwezigheidsmelding");
    expect(mail.text).toContain("Noor Jansen: 11,5 uur afgemeld");
    expect(mail.text).toContain("7 december 2026: Ochtend 07:00–13:00, Middag 13:00–18:30 (11,5 uur)");
    expect(mail.text).toContain("https://ouders.example.test/nl/agenda/requests/r1");
    expect(mail.text).toContain("https://ouders.example.test/nl/more/notifications");
    // Without the recorded details (an older notification): the short version.
    const short = renderNotificationMail(note("ABSENCE_CONFIRMATION", { ...data, mail: undefined }, "/agenda/requests/r1"), parent, env);
    expect(short.subject).toBe("Afwezigheid doorgegeven");
    expect(short.text).toContain("Afgemeld voor 7 december 2026: 11,5 uur, 11,5 inhaaluren.");
  });
});
