import type { Shape } from "../shape";

// The calls area's texts; Swedish first, English beside it.
export const callsSv = {
  title: "",
};

export const callsEn: Shape<typeof callsSv> = {
  title: "",
};
