// The part of autocannon's programmatic API the load rows use (the package ships no types).
declare module "autocannon" {
  type Histogram = { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p97_5: number; p99: number; p99_9: number };
  export type Result = {
    /** Requests a second; `sent` counts the requests sent, answered or not. */
    requests: Histogram & { sent: number };
    latency: Histogram;
    throughput: Histogram;
    duration: number;
    /** Every failed request, timeouts included. */
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    statusCodeStats: Record<string, { count: number }>;
  };
  export type Options = { url: string; connections?: number; duration?: number; timeout?: number; headers?: Record<string, string> };
  /** A run: a promise of its result that also reports each answer and each failed request as it happens. */
  export type Instance = Promise<Result> & {
    stop: () => void;
    on: ((event: "reqError", listener: (error: Error & { code?: string }) => void) => void) &
      ((event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void) => void);
  };
  export default function autocannon(options: Options): Instance;
}
