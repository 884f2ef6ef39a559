import { describe, expect, it } from "vitest";
import { hasRole, isRole } from "../../app/organisations/roles.ts";

describe("roles", () => {
  it("are cumulative: admin ⊇ facilitator ⊇ member", () => {
    expect(hasRole("admin", "facilitator")).toBe(true);
    expect(hasRole("admin", "member")).toBe(true);
    expect(hasRole("facilitator", "member")).toBe(true);
    expect(hasRole("facilitator", "admin")).toBe(false);
    expect(hasRole("member", "facilitator")).toBe(false);
  });

  it("grant nothing for an unknown role string", () => {
    expect(isRole("owner")).toBe(false);
    expect(hasRole("owner", "member")).toBe(false);
  });
});
