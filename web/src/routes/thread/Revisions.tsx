import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ErrorState } from "../../ui/ErrorState";
import { formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { Markdown } from "../../ui/Markdown";
import type { ThreadPost } from "./post.fragment";

// There is no `post(id)` query: the post is the one page of a single post right after the one
// before it. Not cached, so this page never mixes with the thread's list of posts.
const postRevisionsQuery = graphql(`
  query PostRevisions($threadId: ID!, $after: String) {
    thread(id: $threadId) {
      id
      posts(first: 1, after: $after) {
        edges {
          node {
            id
            revisions {
              id
              body
              createdAt
              editor {
                id
                displayName
              }
            }
          }
        }
      }
    }
  }
`);

interface RevisionsProps {
  id: string;
  threadId: string;
  post: Pick<ThreadPost, "id" | "cursor">;
}

/** Earlier texts of an edited post, oldest first. */
export function Revisions({ id, threadId, post }: RevisionsProps) {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(postRevisionsQuery, {
    variables: { threadId, after: String(Number(post.cursor) - 1) },
    fetchPolicy: "no-cache",
  });
  const node = data?.thread?.posts.edges[0]?.node;
  const revisions = node?.id === post.id ? node.revisions : [];

  return (
    <section id={id} className="revisions" aria-label={t("post.revisions")}>
      {loading && !data ? <Loading /> : null}
      {error ? <ErrorState error={error} retry={refetch} /> : null}
      <ol className="revisions__list">
        {revisions.map((revision) => (
          <li key={revision.id} className="revisions__item">
            <p className="revisions__when">
              {t("post.revisionOf", {
                date: formatDateTime(revision.createdAt, i18n.language),
                name: revision.editor.displayName,
              })}
            </p>
            <Markdown source={revision.body} />
          </li>
        ))}
      </ol>
    </section>
  );
}
