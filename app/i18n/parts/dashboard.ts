import type { Shape } from "../shape";

// The dashboard area's texts; Swedish first, English beside it.
export const dashboardSv = {
  title: "",
};

export const dashboardEn: Shape<typeof dashboardSv> = {
  title: "",
};
