/**
 * Run-time problems on a host page are reported once each in the console, with a stable
 * code, and never thrown into the page.
 */
const issued = new Set<string>();

/** Logs `pain-care-chat [code]: message` once per distinct message. */
export function warnOnce(code: string, message: string): void {
  const line = `pain-care-chat [${code}]: ${message}`;
  if (issued.has(line)) return;
  issued.add(line);
  try {
    console.warn(line);
  } catch {
    // A page that broke its console must not break the widget.
  }
}
