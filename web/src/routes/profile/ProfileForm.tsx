import { useMutation } from "@apollo/client/react";
import { BIO_MAX, DISPLAY_NAME_MAX } from "@pratica/rules";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FormProblems, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { isDisplayName } from "../../ui/validation";

const updateProfileMutation = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      displayName
      bio
    }
  }
`);

interface ProfileFormProps {
  displayName: string;
  bio: string;
}

export function ProfileForm({ displayName, bio }: ProfileFormProps) {
  const { t } = useTranslation();
  const formProblems = useFormProblems();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const [problems, setProblems] = useState<FormProblems>({ fields: {}, general: null });
  const [update, { loading }] = useMutation(updateProfileMutation);
  useFocusFirstInvalid(formRef, attempt);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const nextName = String(form.get("displayName") ?? "").trim();
    const nextBio = String(form.get("bio") ?? "").trim();
    if (!isDisplayName(nextName)) {
      setProblems({ fields: { displayName: t("validation.displayName") }, general: null });
      setAttempt((n) => n + 1);
      return;
    }
    setProblems({ fields: {}, general: null });
    try {
      // The response carries the User's id, so the header and every cached copy update too.
      await update({ variables: { input: { displayName: nextName, bio: nextBio } } });
      setSaved(true);
    } catch (error) {
      setProblems(formProblems(error));
      setAttempt((n) => n + 1);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="profile__form">
      {problems.general ? <Alert>{problems.general}</Alert> : null}
      <Field
        label={t("fields.displayName")}
        hint={t("profile.displayNameHint")}
        name="displayName"
        autoComplete="name"
        defaultValue={displayName}
        maxLength={DISPLAY_NAME_MAX}
        required
        error={problems.fields.displayName}
        onChange={() => setSaved(false)}
      />
      <Field
        multiline
        label={t("fields.bio")}
        hint={t("profile.bioHint")}
        name="bio"
        rows={5}
        defaultValue={bio}
        maxLength={BIO_MAX}
        error={problems.fields.bio}
        onChange={() => setSaved(false)}
      />
      <div className="profile__form-actions">
        <Button type="submit" busy={loading}>
          {t("profile.save")}
        </Button>
        <p role="status" className="profile__saved">
          {saved ? t("profile.saved") : ""}
        </p>
      </div>
    </form>
  );
}
