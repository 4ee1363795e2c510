import type { Page } from "playwright-core";

/** Every demo account's password (db/src/seed). */
export const DEMO_PASSWORD = "pratica-demo";

/** Logs in through the login form, as a person would, and waits for the signed-in header. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("main").getByRole("button", { name: "Log in" }).click();
  await page.getByRole("link", { name: /^Notifications/ }).waitFor();
}

/** A GraphQL call from the page, with its session cookie: for setting up what the test is not about. */
export async function gql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    { query, variables },
  );
  const { data, errors } = body as { data: T; errors?: { message: string }[] };
  if (errors?.length) throw new Error(errors.map((e) => e.message).join("; "));
  return data;
}
