import { useMutation, useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useViewer } from "../../app/session";
import { usePageTitle } from "../../app/usePageTitle";
import { byFieldName, useFormProblems } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { ButtonLink } from "../../ui/Button";
import { MessagePage, PageError, PageLoading, PrivatePage } from "../../ui/PageStates";
import { useFormRefusals } from "../../ui/useFormRefusals";
import { DecisionForm } from "./DecisionForm";
import { type DecisionDraft, toInput, validateDraft } from "./decisionDraft";
import "./decisions.css";

// One small query per kind of target: only the one named in the address runs.
const communityTargetQuery = graphql(`
  query NewDecisionCommunity($slug: String!) {
    community(slug: $slug) {
      id
      slug
      name
    }
  }
`);

const threadTargetQuery = graphql(`
  query NewDecisionThread($id: ID!) {
    thread(id: $id) {
      id
      title
      community {
        id
        slug
        name
      }
    }
  }
`);

const documentTargetQuery = graphql(`
  query NewDecisionDocument($id: ID!) {
    deliverable(id: $id) {
      id
      title
      status
      community {
        id
        slug
        name
      }
    }
  }
`);

const createDecisionMutation = graphql(`
  mutation CreateDecision($input: CreateDecisionInput!) {
    createDecision(input: $input) {
      id
    }
  }
`);

/**
 * /decisions/new?thread=… | ?document=… | ?community=<slug>[&event=…]: start a decision about that
 * (taken at that event), as a draft or open now.
 */
export function NewDecisionPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const threadId = params.get("thread") ?? "";
  const deliverableId = params.get("document") ?? "";
  const slug = params.get("community") ?? "";
  const eventId = params.get("event");
  const { viewer, loading: viewerLoading } = useViewer();
  const bySlug = useQuery(communityTargetQuery, { variables: { slug }, skip: !viewer || !slug });
  const byThread = useQuery(threadTargetQuery, { variables: { id: threadId }, skip: !viewer || !threadId });
  const byDocument = useQuery(documentTargetQuery, {
    variables: { id: deliverableId },
    skip: !viewer || !deliverableId,
  });
  const target = slug ? bySlug : threadId ? byThread : byDocument;
  const formProblems = useFormProblems();
  const refusals = useFormRefusals();
  const [create, { loading: saving }] = useMutation(createDecisionMutation);
  usePageTitle(t("decisions.form.title"));

  if (viewerLoading || (viewer && target.loading && !target.data)) return <PageLoading />;
  if (!viewer) return <PrivatePage title={t("decisions.form.title")} body={t("decisions.form.signIn")} memberBody="" />;
  if (target.error && !target.data) return <PageError error={target.error} retry={target.refetch} />;
  const thread = threadId ? byThread.data?.thread : null;
  const document = deliverableId && !threadId && !slug ? byDocument.data?.deliverable : null;
  const community = slug ? bySlug.data?.community : (thread?.community ?? document?.community);
  if (!community) {
    return (
      <MessagePage
        title={t("decisions.form.title")}
        body={t("decisions.form.noTarget")}
        actions={<ButtonLink to="/">{t("common.backHome")}</ButtonLink>}
      />
    );
  }
  const about = document
    ? { to: `/d/${document.id}`, label: document.title }
    : thread
      ? { to: `/t/${thread.id}`, label: thread.title }
      : { to: `/c/${community.slug}`, label: community.name };

  async function submit(draft: DecisionDraft, open: boolean) {
    const fields = validateDraft(draft, t);
    if (Object.keys(fields).length > 0) return refusals.refuse({ fields, general: null });
    refusals.clearProblems();
    const target = document
      ? { deliverableId: document.id }
      : thread
        ? { threadId: thread.id }
        : { communityId: community?.id ?? "", ...(eventId ? { eventId } : {}) };
    try {
      const result = await create({ variables: { input: { ...target, ...toInput(draft, open, i18n.language) } } });
      const id = result.data?.createDecision.id;
      if (id) await navigate(`/decisions/${id}`);
    } catch (failure) {
      refusals.refuse(byFieldName(formProblems(failure)));
    }
  }

  return (
    <div className="container page page--narrow decision-form">
      <p>
        <Link to={about.to}>{about.label}</Link>
      </p>
      <h1>{t("decisions.form.title")}</h1>
      <p>{t("decisions.form.about", { what: about.label })}</p>
      {refusals.problems.general ? <Alert>{refusals.problems.general}</Alert> : null}
      <DecisionForm
        refusals={refusals}
        busy={saving}
        onDocument={Boolean(document)}
        onSubmit={(draft, open) => void submit(draft, open)}
      />
    </div>
  );
}
