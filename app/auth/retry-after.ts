import type { HeadersFunction } from "@remix-run/node";

/** Pass an action's Retry-After on to the rendered page (Remix drops action headers otherwise). */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
