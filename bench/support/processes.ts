import { execFileSync, spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// Servers the load rows start as processes of their own, so that their
// memory is their own and the bench's own work does not share their thread.

const ROOT = path.resolve(import.meta.dirname, "../..");

export type Server = { process: ChildProcess; url: string };

/** Start `node <args>` and wait until its output matches `ready`, whose first group is the port it listens on. */
export function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  what: string,
  stdio: StdioOptions = ["ignore", "pipe", "pipe"],
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio });
    let output = "";
    const timer = setTimeout(() => fail(new Error(`${what} did not start within 90 s:\n${output.slice(-2000)}`)), 90_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const found = output.match(ready);
      if (found) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        // Keep draining its output so that a full pipe never blocks the server.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ process: child, url: `http://127.0.0.1:${found[1]}` });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("exit", (code) => fail(new Error(`${what} exited with ${code}:\n${output.slice(-2000)}`)));
  });
}

export async function stopProcess(server: Server | undefined) {
  const child = server?.process;
  if (!child || child.exitCode !== null) return;
  child.removeAllListeners("exit");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Resident memory of a process in MB (10^6 bytes): now, and the peak over its life (Linux's VmHWM). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const text = readFileSync(status, "utf8");
    const kib = (field: string) => Number(text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))?.[1] ?? Number.NaN);
    return { rss: (kib("VmRSS") * 1024) / 1e6, peak: (kib("VmHWM") * 1024) / 1e6 };
  }
  // Elsewhere (macOS) only the current figure exists: sampling makes it a peak.
  const rss = (Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim()) * 1024) / 1e6;
  return { rss, peak: rss };
}

/** Peak resident memory seen while `during` runs, sampled every 100 ms and taken with the kernel's own peak. */
export async function withPeakMemory<T>(pid: number, during: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = memoryOf(pid).peak;
  const timer = setInterval(() => (peak = Math.max(peak, memoryOf(pid).peak)), 100);
  try {
    const result = await during();
    return { result, peak: Math.max(peak, memoryOf(pid).peak) };
  } finally {
    clearInterval(timer);
  }
}
