import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en.ts";
import { translator } from "../../app/i18n/i18n.ts";
import { sv } from "../../app/i18n/sv.ts";

function leaves(tree: object, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

describe("translations", () => {
  it("have the same keys in Swedish and English, none empty", () => {
    const svKeys = leaves(sv);
    const enKeys = leaves(en);
    expect([...enKeys.keys()].sort()).toEqual([...svKeys.keys()].sort());
    for (const [key, text] of [...svKeys, ...enKeys]) expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const enKeys = leaves(en);
    for (const [key, text] of leaves(sv)) expect(placeholders(enKeys.get(key)!), key).toEqual(placeholders(text));
  });

  it("default to Swedish and pluralise", () => {
    expect(translator(null)("header.signIn")).toBe("Logga in");
    expect(translator("en")("header.signIn")).toBe("Sign in");
    expect(translator("sv")("org.onlineCount", { count: 1 })).toBe("1 person online");
    expect(translator("sv")("org.onlineCount", { count: 3 })).toBe("3 personer online");
  });
});
