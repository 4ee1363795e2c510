import Bowser from "bowser";

/**
 * A person-readable name for the device of a session, from its user agent: "Firefox 133 on
 * Linux", "Safari 18 on iOS". Unknown agents (scripts, tests) are named by what they sent.
 */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const { browser, os } = Bowser.parse(userAgent);
  const major = browser.version?.split(".")[0];
  const name = browser.name ? [browser.name, major].filter(Boolean).join(" ") : undefined;
  if (name && os.name) return `${name} on ${os.name}`;
  return name ?? os.name ?? userAgent.slice(0, 60);
}
