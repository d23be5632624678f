/**
 * The browser's next idle period, at most `timeout` ms away (or a short delay where the browser has no idle
 * callbacks, as Safari): for work a reader did not ask for, so it never holds up their input.
 */
export function idlePeriod(timeout = 1000, fallback = 50): Promise<void> {
  return new Promise<void>((r) => {
    const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void })
      .requestIdleCallback;
    if (idle) idle(() => r(), { timeout });
    else setTimeout(r, fallback);
  });
}
