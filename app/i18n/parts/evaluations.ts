import type { Shape } from "../shape";

// The evaluations area's texts; Swedish first, English beside it.
export const evaluationsSv = {
  title: "",
};

export const evaluationsEn: Shape<typeof evaluationsSv> = {
  title: "",
};
