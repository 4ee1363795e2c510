import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../gql";
import { useViewer } from "./session";

const moderatesAnythingQuery = graphql(`
  query ModeratesAnything {
    viewer {
      id
      role
      communities {
        id
        role
        status
      }
    }
  }
`);

/**
 * "Moderation" in the account menu, beside "Administration", for those who review reports: admins,
 * and facilitators of any community. Others never see it (the queue page tells them it is not theirs).
 */
export function ModerationLink() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const { data } = useQuery(moderatesAnythingQuery, { skip: !viewer || viewer.role === "ADMIN" });
  const moderates =
    viewer?.role === "ADMIN" ||
    (data?.viewer?.communities ?? []).some((m) => m.role === "FACILITATOR" && m.status === "ACTIVE");
  if (!moderates) return null;
  return (
    <li>
      <Link to="/moderation" className="account__item">
        {t("account.moderation")}
      </Link>
    </li>
  );
}
