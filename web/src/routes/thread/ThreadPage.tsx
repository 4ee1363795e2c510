import { useApolloClient, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { hasCode } from "../../app/errors";
import { usePageTitle } from "../../app/usePageTitle";
import { graphql } from "../../gql";
import { accentStyle } from "../../ui/Card";
import { HiddenNotice } from "../../ui/HiddenNotice";
import { LiveAnnouncer } from "../../ui/LiveAnnouncer";
import { LoadMore } from "../../ui/LoadMore";
import { Markdown } from "../../ui/Markdown";
import { PageError, PageLoading, PrivatePage } from "../../ui/PageStates";
import { SanctionBanner } from "../../ui/SanctionBanner";
import { useLoadMore } from "../../ui/useLoadMore";
import { ThreadDecisions } from "../decisions/DecisionsOf";
import { NotFoundContent } from "../not-found/NotFoundPage";
import { WatchLevelControl } from "../preferences/WatchLevelControl";
import { PostList } from "./PostList";
import { appendPost, type ThreadPost } from "./post.fragment";
import { ReplyArea } from "./ReplyArea";
import { ThreadHeader } from "./ThreadHeader";
import { useMarkRead } from "./useMarkRead";
import { useReplyShortcut } from "./useReplyShortcut";
import { useThreadEvents } from "./useThreadEvents";
import { useThreadUpdates } from "./useThreadUpdates";
import { useTypingIndicator } from "./useTyping";
import "./thread.css";

const POSTS_PAGE = 50;
const MAX_PAGES_TO_FIND = 40;

const threadPageQuery = graphql(`
  query ThreadPage($id: ID!, $first: Int!, $after: String) {
    viewer {
      id
      displayName
    }
    thread(id: $id) {
      id
      title
      body
      hidden
      moderation {
        hiddenBy
        reason
        caseId
      }
      tags
      pinned
      locked
      replyCount
      createdAt
      lastActivityAt
      author {
        id
        displayName
      }
      community {
        id
        slug
        name
        color
        visibility
        viewerMembership {
          id
          suspendedUntil
          restrictedUntil
        }
      }
      unreadCount
      lastReadCursor
      eventCursor
      viewerCanReply
      viewerCanModerate
      viewerCanReact
      posts(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            ...ThreadPost
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export function ThreadPage() {
  const { id = "" } = useParams();
  // Another thread is another page: nothing carries over (divider, quoted post, waiting replies).
  return <ThreadView key={id} id={id} />;
}

function ThreadView({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  // Always asked afresh: the read marker, the event cursor and the posts must be of now.
  const { data, loading, error, refetch, fetchMore } = useQuery(threadPageQuery, {
    variables: { id, first: POSTS_PAGE },
    fetchPolicy: "network-only",
    nextFetchPolicy: "cache-first",
  });
  const thread = data?.thread ?? null;
  const viewer = data?.viewer ?? null;
  usePageTitle(thread?.title ?? (data ? t("thread.notFoundTitle") : null));

  // "New since your last visit" stays where it was when the page opened.
  const [divider, setDivider] = useState<{ after: string | null } | null>(null);
  if (thread && !divider) setDivider({ after: thread.lastReadCursor ?? null });

  const [waiting, setWaiting] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [replyTo, setReplyTo] = useState<ThreadPost | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const typing = useTypingIndicator();
  const markRead = useMarkRead(id, Boolean(viewer && thread));
  const posts = thread?.posts;
  const pager = useLoadMore(posts?.pageInfo, (after) => fetchMore({ variables: { after } }));

  useThreadEvents(id, thread?.eventCursor ?? null, {
    onNewPost: (post, result) => {
      typing.stopped(post.author.id);
      if (post.author.id === viewer?.id) return;
      if (result === "later") setWaiting((n) => n + 1);
      setAnnouncement(t("thread.newReplyFrom", { name: post.author.displayName }));
      if (result === "added") markRead();
    },
    onTyping: typing.started,
  });

  useThreadUpdates(thread?.community.id ?? null, thread, (change) => {
    if (change.locked !== undefined) setAnnouncement(t(change.locked ? "thread.lockedNow" : "thread.unlockedNow"));
    else if (change.pinned !== undefined) setAnnouncement(t(change.pinned ? "thread.pinnedNow" : "thread.unpinnedNow"));
  });

  useReplyShortcut(goToReply);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per thread, when it has loaded
  useEffect(() => {
    if (thread) markRead();
  }, [thread?.id, markRead]);

  // A link to one post (from a notification or a search result) scrolls to it once it is on
  // the page; a post beyond the pages loaded so far is reached by loading the next ones, up to
  // MAX_PAGES_TO_FIND (a link to a post that is gone must not load a huge thread to the end).
  const scrolled = useRef<string | null>(null);
  const pagesLoadedToFind = useRef(0);
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (!thread || !hash || scrolled.current === hash) return;
    const target = document.getElementById(hash);
    if (target) {
      scrolled.current = hash;
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    } else if (
      hash.startsWith("post-") &&
      pager.hasMore &&
      !pager.loading &&
      !pager.error &&
      pagesLoadedToFind.current < MAX_PAGES_TO_FIND
    ) {
      pagesLoadedToFind.current += 1;
      void pager.loadMore();
    }
  });

  async function showWaiting() {
    await pager.loadMore();
    setWaiting(0);
  }

  /** Our own reply: shown at once, loading the pages before it if they are not here yet. */
  async function onSent(post: ThreadPost) {
    setReplyTo(null);
    let result = appendPost(client.cache, id, post);
    for (let page = 0; result === "later" && page < 20; page++) {
      const current = client.readQuery({ query: threadPageQuery, variables: { id, first: POSTS_PAGE } });
      const endCursor = current?.thread?.posts.pageInfo.endCursor;
      if (!endCursor) break;
      await fetchMore({ variables: { after: endCursor } });
      result = appendPost(client.cache, id, post);
    }
    setWaiting(0);
    markRead();
  }

  function onReply(post: ThreadPost) {
    setReplyTo(post);
    goToReply();
  }

  /** To the text box; where there is none (locked, signed out) or it shows its preview, to its heading. */
  function goToReply() {
    const textarea = composerRef.current;
    textarea?.focus({ preventScroll: true });
    const target = textarea && document.activeElement === textarea ? textarea : document.getElementById("reply-title");
    target?.scrollIntoView({ block: "center" });
    target?.focus({ preventScroll: true });
  }

  if (loading && !data) return <PageLoading />;
  if (error && !data) {
    if (hasCode(error, "FORBIDDEN") || hasCode(error, "UNAUTHENTICATED")) return <PrivateThread />;
    // A missing thread, or one of a consortium's private space seen from outside: not found.
    if (!hasCode(error, "NOT_FOUND")) return <PageError error={error} retry={refetch} />;
  }
  if (!thread || !posts) return <NotFoundContent title={t("thread.notFoundTitle")} body={t("thread.notFoundBody")} />;

  const canReact = thread.viewerCanReact;

  return (
    <article className="thread" style={accentStyle(thread.community.color)} aria-labelledby="thread-title">
      <ThreadHeader thread={thread} onSkipToReply={goToReply} />
      <SanctionBanner
        scope="community"
        suspendedUntil={thread.community.viewerMembership?.suspendedUntil}
        restrictedUntil={thread.community.viewerMembership?.restrictedUntil}
      />
      <div className="container thread__layout">
        <div className="thread__opening">
          {/* Under the thread's h1, beside the replies' h2. */}
          {thread.moderation ? (
            <HiddenNotice notice={thread.moderation}>
              {thread.body ? <Markdown source={thread.body} headingLevel={2} /> : null}
            </HiddenNotice>
          ) : (
            <Markdown source={thread.body} headingLevel={2} />
          )}
          {viewer ? <WatchLevelControl target={{ threadId: thread.id }} /> : null}
          {viewer ? <ThreadDecisions threadId={thread.id} canStart={canReact} /> : null}
        </div>

        <section aria-labelledby="replies-title" className="thread__replies">
          <h2 id="replies-title" className="thread__replies-title">
            {t("thread.replies", { count: posts.totalCount })}
          </h2>
          <PostList
            threadId={thread.id}
            posts={posts.edges.map((edge) => edge.node)}
            dividerAfter={divider?.after ?? null}
            communitySlug={thread.community.slug}
            canReply={thread.viewerCanReply}
            canReact={canReact}
            onReply={onReply}
          />
          {posts.edges.length === 0 ? <p className="thread__no-replies">{t("thread.noReplies")}</p> : null}
          {waiting > 0 && pager.hasMore ? (
            <div className="live-bar live-bar--bottom">
              <button type="button" className="live-bar__button" onClick={() => void showWaiting()}>
                {t("thread.newReplies", { count: waiting })}
              </button>
            </div>
          ) : null}
          {/* Older replies first: "load more" continues the conversation downwards. */}
          <LoadMore pager={pager} label={t("thread.loadMoreReplies")} />
        </section>

        <ReplyArea
          thread={thread}
          signedIn={Boolean(viewer)}
          joined={canReact}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          onSent={(post) => void onSent(post)}
          textareaRef={composerRef}
          typing={typing.names}
        />
      </div>
      <LiveAnnouncer announcement={announcement} />
    </article>
  );
}

/** A members-only community's thread, asked for by someone who is not (yet) a member. */
function PrivateThread() {
  const { t } = useTranslation();
  return (
    <PrivatePage
      title={t("thread.privateTitle")}
      memberBody={t("thread.privateMember")}
      body={t("thread.privateBody")}
      keepHash
    />
  );
}
