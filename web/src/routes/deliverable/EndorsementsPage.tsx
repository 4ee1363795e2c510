import { useMutation, useQuery } from "@apollo/client/react";
import { STATEMENT_MAX } from "@pratica/rules";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { fieldProblem, hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import type { DeliverableEndorsementsPageQuery } from "../../gql/graphql";
import { ActionProblem } from "../../ui/ActionProblem";
import { Alert } from "../../ui/Alert";
import { Button, ButtonLink } from "../../ui/Button";
import { accentStyle } from "../../ui/Card";
import { EmptyState } from "../../ui/EmptyState";
import { Field, SelectField } from "../../ui/Field";
import { formatDate } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { PageError, PageLoading } from "../../ui/PageStates";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { DeliverableStatusBadge } from "./DeliverableStatusBadge";
import { printUrl } from "./deliverable.fragment";
import { useDeliverableEvents } from "./useDeliverableEvents";
import "./deliverable.css";
import "./endorsements.css";

const endorsementsPageQuery = graphql(`
  query DeliverableEndorsementsPage($id: ID!) {
    deliverable(id: $id) {
      id
      eventCursor
      title
      summary
      status
      publishedAt
      community {
        id
        slug
        name
        color
      }
      endorsements {
        id
        createdAt
        statement
        organization {
          id
          name
        }
        endorser {
          id
          displayName
        }
      }
      viewerCanEndorseFor {
        id
        name
      }
      viewerCanWithdrawFor {
        id
        name
      }
    }
  }
`);

const endorseDeliverableMutation = graphql(`
  mutation EndorseDeliverable($input: EndorseDeliverableInput!) {
    endorseDeliverable(input: $input) {
      id
      createdAt
      statement
      organization {
        id
        name
      }
    }
  }
`);

const withdrawEndorsementMutation = graphql(`
  mutation WithdrawEndorsement($input: WithdrawEndorsementInput!) {
    withdrawEndorsement(input: $input) {
      id
      withdrawnAt
    }
  }
`);

type Deliverable = NonNullable<DeliverableEndorsementsPageQuery["deliverable"]>;

/** `/d/:id/endorsements`: the organisations that signed the published text, and signing for the reader's own. */
export function EndorsementsPage() {
  const { id = "" } = useParams();
  return <EndorsementsView key={id} id={id} />;
}

function EndorsementsView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(endorsementsPageQuery, {
    variables: { id },
    fetchPolicy: "cache-and-network",
  });
  const deliverable = data?.deliverable ?? null;
  usePageTitle(
    deliverable
      ? t("endorsements.pageTitle", { title: deliverable.title })
      : data || error
        ? t("document.notFoundTitle")
        : null,
  );

  if (loading && !data) return <PageLoading />;
  if (error && !data && !hasCode(error, "NOT_FOUND")) return <PageError error={error} retry={refetch} />;
  if (!deliverable) return <NotFoundContent title={t("document.notFoundTitle")} body={t("document.notFoundBody")} />;
  return <Endorsements deliverable={deliverable} refetch={() => refetch()} />;
}

function Endorsements({ deliverable, refetch }: { deliverable: Deliverable; refetch: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const [announcement, setAnnouncement] = useState("");
  const community = deliverable.community;
  const canWithdraw = new Set(deliverable.viewerCanWithdrawFor.map((o) => o.id));

  useDeliverableEvents(deliverable.id, deliverable.eventCursor, {
    onEvent: (event) => {
      if (event.__typename === "Endorsed" || event.__typename === "EndorsementWithdrawn") {
        void refetch().catch(() => undefined);
      }
      if (event.__typename === "Endorsed") {
        setAnnouncement(t("live.endorsed", { organization: event.endorsement.organization.name }));
      }
    },
  });

  return (
    <article className="endorsements-page" style={accentStyle(community.color)} aria-labelledby="endorsements-title">
      <PageHeader
        crumbs={[
          { to: `/c/${community.slug}`, label: community.name },
          { to: `/c/${community.slug}?tab=documents`, label: t("documents.title") },
          { to: `/d/${deliverable.id}`, label: deliverable.title },
        ]}
      >
        <p className="page__flags">
          <DeliverableStatusBadge status={deliverable.status} />
        </p>
        <h1 id="endorsements-title" className="page__title">
          {t("endorsements.title")}
        </h1>
        <p className="page__summary">{t("endorsements.intro", { title: deliverable.title })}</p>
        <p className="actions">
          <ButtonLink to={`/d/${deliverable.id}`} variant="secondary" size="sm">
            {t("endorsements.read")}
          </ButtonLink>
          <a className="btn btn--ghost btn--sm" href={printUrl(deliverable.id)} target="_blank" rel="noopener">
            <span>{t("document.print")}</span>
            <span className="visually-hidden"> ({t("common.opensInNewTab")})</span>
          </a>
        </p>
      </PageHeader>

      <div className="container page__layout">
        <section className="page__main" aria-labelledby="signatories-title">
          <h2 id="signatories-title">{t("endorsements.signatories", { count: deliverable.endorsements.length })}</h2>
          {deliverable.endorsements.length === 0 ? (
            <EmptyState title={t("endorsements.noneTitle")}>
              <p>{deliverable.status === "PUBLISHED" ? t("endorsements.noneBody") : t("endorsements.notPublished")}</p>
            </EmptyState>
          ) : (
            <ol className="signatories">
              {deliverable.endorsements.map((endorsement) => (
                <li key={endorsement.id} className="signatory">
                  <h3 className="signatory__name">{endorsement.organization.name}</h3>
                  <p className="signatory__date">
                    {t("endorsements.signedOn", {
                      date: formatDate(endorsement.createdAt, i18n.language),
                      name: endorsement.endorser.displayName,
                    })}
                  </p>
                  {endorsement.statement ? (
                    <blockquote className="signatory__statement">{endorsement.statement}</blockquote>
                  ) : null}
                  {canWithdraw.has(endorsement.organization.id) ? (
                    <WithdrawButton
                      deliverableId={deliverable.id}
                      organization={endorsement.organization}
                      onDone={(name) => {
                        setAnnouncement(t("endorsements.withdrawn", { organization: name }));
                        void refetch().catch(() => undefined);
                      }}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
        <aside className="page__aside">
          {deliverable.viewerCanEndorseFor.length > 0 ? (
            <EndorseForm
              deliverable={deliverable}
              onDone={(name) => {
                setAnnouncement(t("endorsements.done", { organization: name }));
                void refetch().catch(() => undefined);
              }}
            />
          ) : deliverable.status !== "PUBLISHED" ? (
            <p className="card">{t("endorsements.notPublished")}</p>
          ) : null}
        </aside>
      </div>
      <p className="visually-hidden" role="status" data-testid="live-announcer">
        {announcement}
      </p>
    </article>
  );
}

function EndorseForm({ deliverable, onDone }: { deliverable: Deliverable; onDone: (organization: string) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const options = deliverable.viewerCanEndorseFor;
  const [organizationId, setOrganizationId] = useState(options.length === 1 ? (options[0]?.id ?? "") : "");
  const [statement, setStatement] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [endorse, state] = useMutation(endorseDeliverableMutation);
  const selectRef = useRef<HTMLSelectElement>(null);
  const statementRef = useRef<HTMLTextAreaElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.loading) return;
    if (!organizationId) {
      setErrors({ organizationId: t("endorsements.chooseOrganization") });
      return selectRef.current?.focus();
    }
    if (statement.trim().length > STATEMENT_MAX) {
      setErrors({ statement: t("endorsements.statementRule") });
      return statementRef.current?.focus();
    }
    setErrors({});
    const name = options.find((o) => o.id === organizationId)?.name ?? "";
    try {
      await endorse({
        variables: {
          input: {
            deliverableId: deliverable.id,
            organizationId,
            ...(statement.trim() ? { statement: statement.trim() } : {}),
          },
        },
      });
      setStatement("");
      onDone(name);
    } catch (refusal) {
      const statementProblem = fieldProblem(refusal, "statement");
      if (statementProblem) {
        setErrors({ statement: statementProblem });
        statementRef.current?.focus();
      }
    }
  }

  return (
    <form className="card endorse-form" noValidate aria-labelledby={titleId} onSubmit={(e) => void onSubmit(e)}>
      <h2 id={titleId}>{t("endorsements.formTitle")}</h2>
      <p>{t("endorsements.formIntro")}</p>
      <SelectField
        ref={selectRef}
        label={t("endorsements.organizationLabel")}
        value={organizationId}
        onChange={(event) => {
          setOrganizationId(event.target.value);
          setErrors({});
        }}
        required
        error={errors.organizationId}
      >
        {options.length > 1 ? <option value="">{t("resourceForm.choose")}</option> : null}
        {options.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </SelectField>
      <Field
        ref={statementRef}
        multiline
        rows={4}
        label={t("endorsements.statementLabel")}
        hint={t("endorsements.statementHint")}
        value={statement}
        onChange={(event) => setStatement(event.target.value)}
        maxLength={STATEMENT_MAX}
        error={errors.statement}
      />
      {state.error && !errors.statement ? <ActionProblem error={state.error} /> : null}
      <p className="actions">
        <Button type="submit" busy={state.loading}>
          {t("endorsements.endorse")}
        </Button>
      </p>
    </form>
  );
}

function WithdrawButton({
  deliverableId,
  organization,
  onDone,
}: {
  deliverableId: string;
  organization: { id: string; name: string };
  onDone: (organization: string) => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [withdraw, state] = useMutation(withdrawEndorsementMutation);

  async function onConfirm() {
    try {
      await withdraw({ variables: { input: { deliverableId, organizationId: organization.id } } });
      setConfirming(false);
      onDone(organization.name);
    } catch {
      // shown below
    }
  }

  return (
    <>
      {confirming ? (
        <Alert
          tone="info"
          title={t("endorsements.withdrawConfirm", { organization: organization.name })}
          action={
            <p className="actions">
              <Button size="sm" variant="danger" busy={state.loading} onClick={() => void onConfirm()}>
                {t("endorsements.withdraw")}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
                {t("common.cancel")}
              </Button>
            </p>
          }
        />
      ) : (
        <p className="actions">
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
            {t("endorsements.withdraw")}
            <span className="visually-hidden"> ({organization.name})</span>
          </Button>
        </p>
      )}
      <ActionProblem error={state.error} />
    </>
  );
}
