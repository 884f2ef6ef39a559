import { z } from "zod";

// The directory's one form: a person's own "ask me about" topics. Kept apart
// from ./schemas so that the browser checks it with the same rules.

export const MAX_TOPICS = 10;
export const MAX_TOPIC_LENGTH = 80;

/** Topics one per line, trimmed, blank lines and repeats (in any capitalisation) dropped. */
export function topicLines(text: string): string[] {
  const seen = new Set<string>();
  const topics: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const topic = line.trim();
    const key = topic.toLocaleLowerCase("sv");
    if (!topic || seen.has(key)) continue;
    seen.add(key);
    topics.push(topic);
  }
  return topics;
}

export const AskMeAboutSchema = z.object({
  // Empty clears the topics: conform sends an emptied textarea as no value.
  topics: z
    .string()
    .optional()
    .transform((text) => topicLines(text ?? ""))
    .superRefine((topics, ctx) => {
      if (topics.length > MAX_TOPICS) ctx.addIssue({ code: "custom", message: "networkFeed.validation.tooManyTopics" });
      else if (topics.some((topic) => topic.length > MAX_TOPIC_LENGTH)) ctx.addIssue({ code: "custom", message: "networkFeed.validation.topicTooLong" });
    }),
});
