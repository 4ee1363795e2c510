import { SLUG_MAX, SLUG_PATTERN } from "@pratica/rules";
import { type FormEvent, type ReactNode, type RefObject, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiProblems } from "../../app/errors";
import { type FormProblems, useFormProblems } from "../../app/useProblemMessage";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { adminFieldMessages } from "./problems";

type Bilingual = "name" | "tagline" | "description";

interface BilingualFieldProps {
  /** The field without its language: `name` stands for `nameIt` and `nameEn`. */
  name: Bilingual;
  /** The saved values, keyed `${name}It` and `${name}En`; none for a new entity. */
  values: Partial<Record<`${Bilingual}${"It" | "En"}`, string | null>> | null;
  problems: FormProblems;
  maxLength: number;
  required?: boolean;
  /** A description's height; without it the field is one line. */
  rows?: number;
}

/** One field in Italian then in English, each marked with its `lang` so it is read and spell-checked as such. */
export function BilingualField({ name, values, problems, maxLength, required, rows }: BilingualFieldProps) {
  const { t } = useTranslation();
  return (["It", "En"] as const).map((language) => {
    const key = `${name}${language}` as const;
    const common = {
      lang: language.toLowerCase(),
      label: t(`admin.fields.${key}`),
      name: key,
      defaultValue: values?.[key] ?? "",
      maxLength,
      required,
      error: problems.fields[key],
    };
    return rows ? <Field key={key} multiline rows={rows} {...common} /> : <Field key={key} {...common} />;
  });
}

export function SlugField({ defaultValue, problems }: { defaultValue: string; problems: FormProblems }) {
  const { t } = useTranslation();
  return (
    <Field
      label={t("admin.fields.slug")}
      hint={t("admin.fields.slugHint")}
      name="slug"
      defaultValue={defaultValue}
      maxLength={SLUG_MAX}
      spellCheck={false}
      autoCapitalize="none"
      required
      error={problems.fields.slug}
    />
  );
}

interface AdminFormOptions {
  /** Shown above the form when it opens, e.g. why it was reloaded. */
  notice: string | null;
  /** Called on a CONFLICT: the parent reads the entity again and remounts the form. */
  onStale: () => Promise<unknown>;
}

/**
 * What a community's and an organisation's form share: the slug and both names checked before
 * sending, the first invalid field focused, a CONFLICT handed to the parent, other refusals
 * shown beside their fields.
 */
export function useAdminForm({ notice, onStale }: AdminFormOptions) {
  const { t } = useTranslation();
  const headingId = useId();
  const formProblems = useFormProblems();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, general: notice });
  useFocusFirstInvalid(formRef, attempt);

  /**
   * `read` turns the form into an input and adds the problems only this form knows;
   * `save` sends the input once nothing is wrong.
   */
  async function submit<I extends { slug: string; nameIt: string; nameEn: string }>(
    event: FormEvent<HTMLFormElement>,
    read: (
      value: (name: string) => string,
      fields: Record<string, string>,
      messages: Record<string, string>,
      /** Every value of a name (a group of checkboxes). */
      values: (name: string) => string[],
    ) => I,
    save: (input: I) => Promise<void>,
  ) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const messages = adminFieldMessages(t);
    const fields: Record<string, string> = {};
    const values = (name: string) => form.getAll(name).map(String);
    const input = read(value, fields, messages, values);
    if (!SLUG_PATTERN.test(input.slug) || input.slug.length < 3) fields.slug = messages.slug ?? "";
    if (!input.nameIt) fields.nameIt = messages.nameIt ?? "";
    if (!input.nameEn) fields.nameEn = messages.nameEn ?? "";
    if (Object.keys(fields).length > 0) {
      setProblems({ fields, general: t("admin.invalid") });
      setAttempt((n) => n + 1);
      return;
    }
    setProblems({ fields: {}, general: null });
    try {
      await save(input);
    } catch (error) {
      if (apiProblems(error)[0]?.code === "CONFLICT") {
        await onStale();
        return;
      }
      setProblems(formProblems(error, { fields: messages }));
      setAttempt((n) => n + 1);
    }
  }

  return { formRef, headingId, problems, submit };
}

interface AdminFormShellProps {
  form: { formRef: RefObject<HTMLFormElement | null>; headingId: string; problems: FormProblems };
  title: string;
  submitLabel: string;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}

/** The frame around an admin form: its heading, what is wrong, the both-languages hint, save and cancel. */
export function AdminFormShell({ form, title, submitLabel, busy, onSubmit, onCancel, children }: AdminFormShellProps) {
  const { t } = useTranslation();
  return (
    <form
      ref={form.formRef}
      noValidate
      className="admin__form"
      aria-labelledby={form.headingId}
      onSubmit={(e) => void onSubmit(e)}
    >
      <h2 id={form.headingId}>{title}</h2>
      {form.problems.general ? <Alert>{form.problems.general}</Alert> : null}
      <p className="admin__intro">{t("admin.bothLanguagesHint")}</p>
      {children}
      <div className="admin__actions">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("admin.cancel")}
        </Button>
      </div>
    </form>
  );
}
