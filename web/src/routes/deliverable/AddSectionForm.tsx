import { HEADING_MAX } from "@pratica/rules";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";

/** A new section's heading; the form empties and keeps focus once the section is added. */
export function AddSectionForm({ busy, onAdd }: { busy: boolean; onAdd: (heading: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [heading, setHeading] = useState("");
  const [error, setError] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const clean = heading.trim();
    if (!clean || clean.length > HEADING_MAX) {
      setError(t("section.headingRule"));
      return inputRef.current?.focus();
    }
    setError(undefined);
    if (await onAdd(clean)) {
      setHeading("");
      inputRef.current?.focus();
    }
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t("manage.addSection")}>
      <Field
        ref={inputRef}
        label={t("manage.newHeading")}
        hint={t("manage.newHeadingHint")}
        value={heading}
        onChange={(event) => setHeading(event.target.value)}
        maxLength={HEADING_MAX}
        error={error}
      />
      <p className="actions">
        <Button type="submit" size="sm" busy={busy}>
          {t("manage.addSection")}
        </Button>
      </p>
    </form>
  );
}
