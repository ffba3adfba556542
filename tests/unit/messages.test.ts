import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { routing } from "@/lib/i18n/routing";

// The UI must be complete in every locale: same keys, no empty strings, same ICU arguments.
type Tree = { [key: string]: string | Tree };

function load(locale: string): Tree {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../messages", `${locale}.json`), "utf8")) as Tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, id)) out.set(k, v);
    } else {
      out.set(id, value);
    }
  }
  return out;
}

/** Argument names used in an ICU message ("{name}", "{count, plural, …}"), by the ICU parser itself. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if ("value" in el && typeof el.value === "string" && el.type !== TYPE.literal) names.add(el.value);
      if ("options" in el) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const [source, ...others] = routing.locales;
const flat = Object.fromEntries(routing.locales.map((l) => [l, flatten(load(l))])) as Record<string, Map<string, unknown>>;

describe("messages", () => {
  it("has a message file per locale with at least one namespace", () => {
    for (const l of routing.locales) expect(flat[l]!.size).toBeGreaterThan(0);
  });

  it.each(others)(`%s has exactly the keys of ${source}`, (locale) => {
    const a = [...flat[source]!.keys()].sort();
    const b = [...flat[locale]!.keys()].sort();
    expect(b.filter((k) => !a.includes(k)), `keys only in ${locale}`).toEqual([]);
    expect(a.filter((k) => !b.includes(k)), `keys missing in ${locale}`).toEqual([]);
  });

  it.each(routing.locales)("%s has only non-empty strings", (locale) => {
    const bad = [...flat[locale]!].filter(([, v]) => typeof v !== "string" || v.trim() === "").map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it.each(others)(`%s uses the same {arguments} as ${source}`, (locale) => {
    const mismatches = [...flat[source]!]
      .filter(([k, v]) => typeof v === "string" && typeof flat[locale]!.get(k) === "string")
      .filter(([k, v]) => argumentsOf(v as string).join() !== argumentsOf(flat[locale]!.get(k) as string).join())
      .map(([k]) => k);
    expect(mismatches).toEqual([]);
  });

  it("argument extraction sees plain and plural arguments, not the text of plural branches", () => {
    expect(argumentsOf("Hallo {name}, je hebt {count, plural, one {# bericht} other {# berichten}}")).toEqual([
      "count",
      "name",
    ]);
    expect(argumentsOf("{count, plural, =0 {Meldingen} other {Meldingen van {who}}}")).toEqual(["count", "who"]);
  });

  it.each(routing.locales)("%s has only messages the ICU parser accepts", (locale) => {
    const broken = [...flat[locale]!].filter(([, v]) => {
      try {
        parse(v as string);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map(([k]) => k)).toEqual([]);
  });
});
