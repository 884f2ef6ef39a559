import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { SignInSchema, SignUpSchema } from "../../app/auth/schemas.ts";
import { NewOrganisationSchema } from "../../app/organisations/schemas.ts";

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("sign-up schema", () => {
  it("normalises the email and accepts a good account", () => {
    const result = SignUpSchema.safeParse({
      name: " Åsa Öberg ",
      email: " Asa.Oberg@Region.SE ",
      password: "långt lösenord",
      confirmPassword: "långt lösenord",
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ name: "Åsa Öberg", email: "asa.oberg@region.se" });
  });

  it("names each bad field with its message key", () => {
    const result = SignUpSchema.safeParse({ name: "Å", email: "inte-en-adress", password: "kort", confirmPassword: "annat" });
    expect(errorsOf(result)).toMatchObject({
      name: "validation.nameTooShort",
      email: "validation.emailInvalid",
      password: "validation.passwordTooShort",
    });
  });

  it("reports mismatched passwords on the confirmation field", () => {
    const result = SignUpSchema.safeParse({ name: "Åsa", email: "a@b.se", password: "långt lösenord", confirmPassword: "annat lösenord" });
    expect(errorsOf(result)).toEqual({ confirmPassword: "validation.passwordMismatch" });
  });
});

describe("redirect targets", () => {
  it.each([
    ["/o/region-demo", "/o/region-demo"],
    ["//evil.example/path", undefined],
    ["/\\evil.example", undefined],
    ["https://evil.example", undefined],
  ])("%s → %s", (redirectTo, expected) => {
    const result = SignInSchema.parse({ email: "a@b.se", password: "x", redirectTo });
    expect(result.redirectTo).toBe(expected);
  });
});

describe("new organisation schema", () => {
  it("requires a lower-case slug and a https or http website", () => {
    const result = NewOrganisationSchema.safeParse({
      name: "Region Gotland",
      kind: "region",
      slug: "Region Gotland!",
      website: "javascript:alert(1)",
    });
    expect(errorsOf(result)).toMatchObject({ slug: "validation.slugInvalid", website: "validation.urlInvalid" });
  });
});

describe("organisation profile through the form parser", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it("accepts empty optional fields and stores them as empty text", () => {
    const submission = parseWithZod(form({ name: "Region Gotland", kind: "region", slug: "region-gotland", website: "", contactEmail: "" }), {
      schema: NewOrganisationSchema,
    });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toMatchObject({ website: "", contactEmail: "", description: "" });
  });

  it("names a bad website and contact email", () => {
    const submission = parseWithZod(form({ name: "Region Gotland", kind: "region", slug: "region-gotland", website: "www", contactEmail: "nej" }), {
      schema: NewOrganisationSchema,
    });
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toMatchObject({ website: ["validation.urlInvalid"], contactEmail: ["validation.emailInvalid"] });
  });
});
