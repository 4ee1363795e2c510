import { useMutation, useQuery } from "@apollo/client/react";
import { MEMBER_QUERY_MAX } from "@pratica/rules";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { apiProblems } from "../../app/errors";
import { useProblemMessage } from "../../app/useProblemMessage";
import { graphql } from "../../gql";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { ErrorState } from "../../ui/ErrorState";
import { Field } from "../../ui/Field";
import { formatDate } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";

const PAGE_SIZE = 20;

const adminUsersQuery = graphql(`
  query AdminUsers($query: String, $first: Int!, $after: String) {
    adminUsers(query: $query, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          displayName
          email
          role
          emailVerifiedAt
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const grantMutation = graphql(`
  mutation AdminGrantAdmin($userId: ID!) {
    grantAdmin(userId: $userId) {
      id
      role
    }
  }
`);

const revokeMutation = graphql(`
  mutation AdminRevokeAdmin($userId: ID!) {
    revokeAdmin(userId: $userId) {
      id
      role
    }
  }
`);

const resetMutation = graphql(`
  mutation AdminSendPasswordReset($userId: ID!) {
    adminSendPasswordReset(userId: $userId)
  }
`);

export function AdminMembers() {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  // `?q=` opens the list already searched: a profile's moderation case links here with the handle.
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get("q")?.trim() ?? "");
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(adminUsersQuery, {
    variables: { query: query || null, first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const pager = useLoadMore(data?.adminUsers.pageInfo, (after) => fetchMore({ variables: { after } }));
  const [grant] = useMutation(grantMutation);
  const [revoke] = useMutation(revokeMutation);
  const [sendReset] = useMutation(resetMutation);

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    setQuery(String(new FormData(event.currentTarget).get("query") ?? "").trim());
  }

  async function act(run: () => Promise<unknown>, done: string) {
    setStatus(null);
    try {
      await run();
      setStatus({ tone: "success", text: done });
    } catch (e) {
      const conflict = apiProblems(e)[0]?.code === "CONFLICT";
      setStatus({ tone: "error", text: conflict ? t("admin.members.lastAdmin") : problemMessage(e) });
    }
  }

  const users = data?.adminUsers.edges.map((e) => e.node) ?? [];
  let list: ReactNode;
  if (loading && !data) list = <Loading />;
  else if (error && !data) list = <ErrorState error={error} retry={refetch} />;
  else if (users.length === 0) list = <p>{t("admin.members.empty")}</p>;
  else
    list = (
      <>
        <p role="status">{t("admin.members.count", { count: data?.adminUsers.totalCount ?? 0 })}</p>
        <ul className="admin__list">
          {users.map((u) => (
            <li key={u.id} className="admin__row">
              <div className="admin__row-main">
                <span className="admin__row-title">
                  {u.displayName} {u.role === "ADMIN" ? <Badge tone="accent">{t("admin.members.admin")}</Badge> : null}{" "}
                  {u.emailVerifiedAt ? (
                    <Badge tone="success">{t("admin.members.verified")}</Badge>
                  ) : (
                    <Badge tone="warning">{t("admin.members.unverified")}</Badge>
                  )}
                </span>
                <span className="admin__row-meta">
                  {u.email} · {t("admin.members.joined", { date: formatDate(u.createdAt, i18n.language) })}
                </span>
              </div>
              <div className="admin__row-actions">
                {u.role === "ADMIN" ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() =>
                      void act(
                        () => revoke({ variables: { userId: u.id } }),
                        t("admin.members.revoked", { name: u.displayName }),
                      )
                    }
                  >
                    {t("admin.members.revokeAdmin")}
                  </Button>
                ) : (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() =>
                      void act(
                        () => grant({ variables: { userId: u.id } }),
                        t("admin.members.granted", { name: u.displayName }),
                      )
                    }
                  >
                    {t("admin.members.makeAdmin")}
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    void act(
                      () => sendReset({ variables: { userId: u.id } }),
                      t("admin.members.resetSent", { email: u.email ?? "" }),
                    )
                  }
                >
                  {t("admin.members.sendReset")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
        <LoadMore pager={pager} />
      </>
    );

  return (
    <section aria-labelledby="admin-members-title">
      <h2 id="admin-members-title">{t("admin.members.title")}</h2>
      <p className="admin__intro">{t("admin.members.intro")}</p>
      <search>
        <form className="admin__search" onSubmit={onSearch}>
          <Field
            type="search"
            label={t("admin.members.search")}
            name="query"
            maxLength={MEMBER_QUERY_MAX}
            defaultValue={query}
          />
          <Button type="submit" variant="secondary">
            {t("admin.members.searchSubmit")}
          </Button>
        </form>
      </search>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      {list}
    </section>
  );
}
