import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText, safeUrl } from "./markdown";

const html = (source: string) => renderToStaticMarkup(<MarkdownText source={source} />);

describe("MarkdownText", () => {
  it("renders headings (one level down: the page has the h1), lists, emphasis, tables and links", () => {
    const out = html("# Zomerfeest\n\nOp **vrijdag** vieren we *feest*.\n\n- taart\n- muziek\n\n| Wat | Wanneer |\n| --- | --- |\n| BBQ | 17:00 |\n\n[Rooster](/nl/agenda)");
    expect(out).toContain('<h2 class="text-xl font-semibold">Zomerfeest</h2>');
    expect(out).toContain("<strong>vrijdag</strong>");
    expect(out).toContain("<em>feest</em>");
    expect(out).toMatch(/<ul class="list-disc pl-6">\s*<li>taart<\/li>/);
    expect(out).toContain("<td class=\"border border-line px-2 py-1\">BBQ</td>");
    expect(out).toContain('href="/nl/agenda"');
    expect(out).not.toContain("target=");
  });

  it("never renders raw HTML, scripts or event handlers from the text", () => {
    const out = html('Hallo <script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick="x()">vet</b>\n\n<iframe src="https://evil.example"></iframe>');
    expect(out).not.toMatch(/<script|<iframe|<img|onerror|onclick|<b /i);
    expect(out).toContain("Hallo");
  });

  it("drops dangerous and foreign-scheme URLs, and images altogether", () => {
    const out = html("[klik](javascript:alert(1)) [data](data:text/html,hoi) [vb](vbscript:x) [proto](//evil.example/x) ![foto](https://tracker.example/p.png)");
    expect(out).not.toMatch(/javascript:|data:|vbscript:|evil\.example|tracker\.example|<img/);
    expect(out).toContain(">klik</a>");
    // The image's alt text stays as text.
    expect(out).toContain("foto");
  });

  it("opens links to other sites in a new tab without giving them the opener or the referrer", () => {
    const out = html("[GGD](https://www.ggd.nl/) en [mail ons](mailto:info@example.nl)");
    expect(out).toContain('href="https://www.ggd.nl/" class="font-medium text-brand-700 underline" rel="noopener noreferrer" target="_blank"');
    expect(out).toMatch(/href="mailto:info@example.nl" class="font-medium text-brand-700 underline">mail ons/);
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://example.nl/a?b=c", "https://example.nl/a?b=c"],
    ["http://example.nl", "http://example.nl"],
    ["mailto:a@b.nl", "mailto:a@b.nl"],
    ["tel:+31201234567", "tel:+31201234567"],
    ["/nl/location", "/nl/location"],
    ["#kopje", "#kopje"],
    ["javascript:alert(1)", ""],
    ["JAVASCRIPT:alert(1)", ""],
    ["data:text/html;base64,PHNjcmlwdD4=", ""],
    ["//evil.example/", ""],
    ["ftp://files.example/", ""],
    ["relative/path", ""],
  ])("%s → %s", (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});
