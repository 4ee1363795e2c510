import "i18next";
import type first from "./en/first.json";
import type pages from "./en/pages";

// English is the reference catalogue: a key missing from it fails the type check.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof first & typeof pages };
  }
}
