import { useSmtpServer } from "../../../api/src/test/smtp";

/**
 * A real SMTP server for a browser test (the api tests' own, api/src/test/smtp.ts): register it
 * at the top of a `describe`, then start the server with `mailEnv(smtp)` so its email arrives here.
 */
export { useSmtpServer };

/** The server's environment to send through `smtp`, with links in emails pointing at `baseUrl`. */
export const mailEnv = (smtp: ReturnType<typeof useSmtpServer>) => (baseUrl: string) => ({
  SMTP_URL: `smtp://127.0.0.1:${smtp.state.port}`,
  MAIL_FROM: "Pratica <no-reply@pratica.test>",
  MAIL_POLL_SECONDS: "0.5",
  PUBLIC_ORIGIN: baseUrl,
});

type Mail = Awaited<ReturnType<ReturnType<typeof useSmtpServer>["mailTo"]>>;

/** The link to `path` in a received email's text part. */
export function linkIn(mail: Mail, path: string): string {
  const found = mail.text?.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
  if (!found) throw new Error(`no link to ${path} in:\n${mail.text}`);
  return found;
}
