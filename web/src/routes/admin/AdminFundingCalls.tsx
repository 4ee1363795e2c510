import { useQuery } from "@apollo/client/react";
import { FUNDING_IMPORT_MAX_BYTES } from "@pratica/rules";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import { ErrorState } from "../../ui/ErrorState";
import { formatDateTime } from "../../ui/format";
import { Loading } from "../../ui/Loading";
import { LoadMore } from "../../ui/LoadMore";
import { useLoadMore } from "../../ui/useLoadMore";
import { type ImportReport, ImportReportView, ImportUpload } from "./ImportUpload";

const PAGE_SIZE = 20;

const importsQuery = graphql(`
  query AdminFundingCallImports($first: Int!, $after: String) {
    fundingCallImports(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          source
          fileName
          format
          createdAt
          actor {
            id
            displayName
          }
          created
          updated
          unchanged
          archived
          rejected
          problems {
            row
            identifier
            field
            reason
            fatal
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** /admin/funding-calls: upload a file of calls (JSON or CSV) and read what each import did. */
export function AdminFundingCalls() {
  const { t, i18n } = useTranslation();
  const [report, setReport] = useState<ImportReport | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(importsQuery, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const connection = data?.fundingCallImports;
  const pager = useLoadMore(
    connection?.pageInfo,
    useCallback((after: string) => fetchMore({ variables: { after } }), [fetchMore]),
  );

  return (
    <>
      <section aria-labelledby="admin-import-title">
        <h2 id="admin-import-title">{t("hub.import.title")}</h2>
        <p>{t("hub.import.intro", { max: Math.round(FUNDING_IMPORT_MAX_BYTES / 1024 / 1024) })}</p>
        <ImportUpload
          onDone={(next) => {
            setReport(next);
            void refetch();
          }}
        />
        {report ? <ImportReportView report={report} headingId="admin-import-report" /> : null}
      </section>
      <section aria-labelledby="admin-import-history">
        <h2 id="admin-import-history">{t("hub.import.history")}</h2>
        {loading && !data ? (
          <Loading />
        ) : error && !data ? (
          <ErrorState error={error} retry={refetch} />
        ) : connection && connection.edges.length === 0 ? (
          <p>{t("hub.import.noHistory")}</p>
        ) : connection ? (
          <>
            <ul className="admin-imports">
              {connection.edges.map(({ node }) => (
                <li key={node.id}>
                  <details>
                    <summary>
                      {t("hub.import.historyLine", {
                        date: formatDateTime(node.createdAt, i18n.language),
                        file: node.fileName,
                        format: node.format.toUpperCase(),
                        who: node.actor?.displayName ?? t("hub.import.cli"),
                      })}
                    </summary>
                    <ImportReportView report={node} />
                  </details>
                </li>
              ))}
            </ul>
            <LoadMore pager={pager} />
          </>
        ) : null}
      </section>
    </>
  );
}
