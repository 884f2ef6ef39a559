import { describe, expect, it } from "vitest";
import { EvaluationSchema, NewModelEntrySchema } from "../../app/evaluations/schemas.ts";

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("evaluation schema", () => {
  it("asks a thematic evaluation for goals and an aggregated one for projects", () => {
    expect(errorsOf(EvaluationSchema.safeParse({ title: "Digitalisering", kind: "thematic", status: "planned", projectIds: ["p1"] }))).toEqual({
      goalIds: "evaluations.validation.goalsRequired",
    });
    expect(errorsOf(EvaluationSchema.safeParse({ title: "Näringsliv", kind: "aggregated", status: "planned", goalIds: "g1" }))).toEqual({
      projectIds: "evaluations.validation.projectsRequired",
    });
    const one = EvaluationSchema.safeParse({ title: "Näringsliv", kind: "aggregated", status: "ongoing", projectIds: "p1" });
    expect(one.success && one.data.projectIds).toEqual(["p1"]);
  });

  it("refuses an end before the start, and reports every problem at once", () => {
    expect(errorsOf(EvaluationSchema.safeParse({ title: "Klimat", kind: "thematic", status: "planned", goalIds: ["g1"], startsOn: "2026-09-01", endsOn: "2026-08-31" }))).toEqual({
      endsOn: "evaluations.validation.endBeforeStart",
    });
    expect(errorsOf(EvaluationSchema.safeParse({ title: "", kind: "thematic", status: "planned", startsOn: "2026-02-30" }))).toEqual({
      title: "validation.titleRequired",
      startsOn: "validation.dateInvalid",
      goalIds: "evaluations.validation.goalsRequired",
    });
  });
});

describe("evaluation model row schema", () => {
  it("stores an empty support type as every support type and requires what can be evaluated", () => {
    const row = NewModelEntrySchema.safeParse({ intent: "create-entry", level: "impact", what: "Regional tillväxt" });
    expect(row.success && row.data).toMatchObject({ level: "impact", supportType: "", projectType: "", method: "" });
    expect(errorsOf(NewModelEntrySchema.safeParse({ intent: "create-entry", level: "result", what: " " }))).toEqual({
      level: "validation.choose",
      what: "evaluations.validation.whatRequired",
    });
  });
});
