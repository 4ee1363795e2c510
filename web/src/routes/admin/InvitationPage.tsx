import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { useMutation, useQuery } from "@apollo/client/react";
import { DISPLAY_NAME_MAX, PASSWORD_MIN } from "@pratica/rules";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { resetSession } from "../../app/apollo/client";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Button, ButtonLink } from "../../ui/Button";
import { Field } from "../../ui/Field";
import { MessagePage, PageError, PageLoading } from "../../ui/PageStates";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { isDisplayName } from "../../ui/validation";

const invitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      email
      role
      accountExists
      organization {
        id
        name
      }
    }
    viewer {
      id
      email
    }
  }
`);

const acceptMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      user {
        id
        displayName
        role
      }
    }
  }
`);

type Reason = "UNKNOWN" | "EXPIRED" | "USED";

/** Why a link did not work (`extensions.reason` of BAD_USER_INPUT on `token`), if that is what failed. */
function tokenReason(error: unknown): Reason | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const reason = error.errors.find((e) => e.extensions?.field === "token")?.extensions?.reason;
  return reason === "UNKNOWN" || reason === "EXPIRED" || reason === "USED" ? reason : null;
}

/**
 * /invitation?token=…, opened from the invitation email: says what it offers, then creates the
 * account (name and password; the address is confirmed by the link) or, when the address has an
 * account, asks to log in as it and accept.
 */
export function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t("invitation.title"));
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const location = useLocation();
  const navigate = useNavigate();
  const { viewer: shellViewer } = useViewer();
  const formProblems = useFormProblems();
  const { formRef, problems, refuse, clearProblems } = useFormRefusals();
  const [accepted, setAccepted] = useState(false);
  const { data, loading, error, refetch } = useQuery(invitationQuery, {
    variables: { token },
    skip: !token,
    fetchPolicy: "network-only",
  });
  const [accept, accepting] = useMutation(acceptMutation);

  const reason = token ? tokenReason(error) : "UNKNOWN";
  if (reason && !accepted) {
    return (
      <MessagePage
        title={t("invitation.loadFailed")}
        body={t(`invitation.reason.${reason}`)}
        actions={
          <ButtonLink to={reason === "USED" ? "/login" : "/"} variant="secondary">
            {reason === "USED" ? t("nav.login") : t("common.backHome")}
          </ButtonLink>
        }
      />
    );
  }
  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} retry={refetch} />;
  const invitation = data?.invitation;
  if (!invitation) return <PageLoading />;

  const viewer = data?.viewer ?? (shellViewer ? { id: shellViewer.id, email: null } : null);
  const mine = viewer?.email?.toLowerCase() === invitation.email.toLowerCase();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const displayName = String(form.get("displayName") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!invitation?.accountExists) {
      const fields: Record<string, string> = {};
      if (!isDisplayName(displayName)) fields.displayName = t("validation.displayName");
      if (password.length < PASSWORD_MIN) fields.password = t("validation.password", { min: PASSWORD_MIN });
      if (Object.keys(fields).length > 0) return refuse({ fields, general: null });
    }
    clearProblems();
    try {
      await accept({
        variables: { input: invitation?.accountExists ? { token } : { token, displayName, password } },
      });
    } catch (e) {
      return refuse(formProblems(e));
    }
    setAccepted(true);
    await resetSession();
    await navigate("/profile", { replace: true, state: { notice: t("invitation.accepted") } });
  }

  const organization = invitation.organization?.name ?? "";
  const offer =
    invitation.role === "ADMIN"
      ? t("invitation.admin")
      : invitation.role === "MEMBER"
        ? t("invitation.member", { organization })
        : t("invitation.representative", { organization });

  return (
    <div className="container page page--narrow auth">
      <h1>{t("invitation.title")}</h1>
      <p className="auth__intro">{offer}</p>
      <p>{t("invitation.forAddress", { email: invitation.email })}</p>
      {invitation.accountExists && !mine ? (
        <>
          <Alert tone="info">
            {viewer
              ? t("invitation.wrongAccount", { email: invitation.email })
              : t("invitation.existingAccount", { email: invitation.email })}
          </Alert>
          {viewer ? null : (
            <p className="actions">
              <ButtonLink to="/login" state={{ from: location.pathname + location.search }}>
                {t("invitation.logIn")}
              </ButtonLink>
            </p>
          )}
        </>
      ) : (
        <form ref={formRef} className="auth__form card" noValidate onSubmit={(e) => void onSubmit(e)}>
          {problems.general ? <Alert>{problems.general}</Alert> : null}
          {invitation.accountExists ? null : (
            <>
              <p>{t("invitation.newAccount")}</p>
              <Field
                label={t("fields.displayName")}
                hint={t("register.displayNameHint")}
                name="displayName"
                autoComplete="name"
                maxLength={DISPLAY_NAME_MAX}
                required
                error={problems.fields.displayName}
              />
              <Field
                label={t("fields.password")}
                hint={t("invitation.passwordHint", { min: PASSWORD_MIN })}
                name="password"
                type="password"
                autoComplete="new-password"
                required
                error={problems.fields.password}
              />
            </>
          )}
          <Button type="submit" busy={accepting.loading} className="auth__submit">
            {invitation.accountExists ? t("invitation.accept") : t("invitation.createAndAccept")}
          </Button>
        </form>
      )}
    </div>
  );
}
