/** Whether a process with this id exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until the process is gone; resolves true when it went within `timeoutMs`. */
export async function waitUntilGone(pid: number, timeoutMs: number, pollMs = 50): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, pollMs))) {
    if (!isAlive(pid)) return true;
  }
  return !isAlive(pid);
}
