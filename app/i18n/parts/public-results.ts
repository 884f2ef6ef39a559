import type { Shape } from "../shape";

// The publicResults area's texts; Swedish first, English beside it.
export const publicResultsSv = {
  title: "",
};

export const publicResultsEn: Shape<typeof publicResultsSv> = {
  title: "",
};
