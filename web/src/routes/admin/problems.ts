import type { TFunction } from "i18next";

/** The admin forms' fields, as the api names them in BAD_USER_INPUT, with a sentence in the reader's language. */
export function adminFieldMessages(t: TFunction): Record<string, string> {
  const text = t("admin.problems.text");
  return {
    slug: t("admin.problems.slug"),
    nameIt: t("admin.problems.name"),
    nameEn: t("admin.problems.name"),
    taglineIt: text,
    taglineEn: text,
    descriptionIt: text,
    descriptionEn: text,
    address: text,
    color: t("admin.problems.color"),
    website: t("admin.problems.website"),
    latitude: t("admin.problems.latitude"),
    longitude: t("admin.problems.longitude"),
    district: t("admin.problems.district"),
    themes: t("admin.problems.themes"),
    sdgs: t("admin.problems.sdgs"),
    memorandumSignedOn: t("admin.problems.date"),
    email: t("admin.problems.email"),
  };
}
