import { useQuery } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { graphql } from "../gql";
import { useViewer } from "./session";

const hasApplicationsQuery = graphql(`
  query HasMembershipApplications {
    myMembershipApplications {
      id
    }
  }
`);

/** "Applications to join" in the account menu, for those who sent any (issue 16). */
export function ApplicationsLink() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const { data } = useQuery(hasApplicationsQuery, { skip: !viewer });
  if (!viewer || !data?.myMembershipApplications.length) return null;
  return (
    <li>
      <Link to="/partners/applications" className="account__item">
        {t("account.applications")}
      </Link>
    </li>
  );
}
