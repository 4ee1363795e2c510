import { useMutation } from "@apollo/client/react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { InterestRowFragment } from "../../gql/graphql";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { formatDate } from "../../ui/format";
import { Refusal } from "./Refusal";

export const interestRowFragment = graphql(`
  fragment InterestRow on PartnerInterest {
    id
    role
    message
    status
    version
    createdAt
    decidedAt
    organization {
      id
      name
    }
    user {
      id
      displayName
    }
  }
`);

const decideMutation = graphql(`
  mutation DecideInterest($input: DecideInterestInput!) {
    decideInterest(input: $input) {
      id
      status
      version
      decidedAt
    }
  }
`);

const withdrawMutation = graphql(`
  mutation WithdrawInterest($id: ID!, $version: Int!) {
    withdrawInterest(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);

const STATUS_TONE = { PENDING: "warning", CONFIRMED: "success", DECLINED: "neutral", WITHDRAWN: "neutral" } as const;

function InterestBody({ interest }: { interest: InterestRowFragment }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <h3 className="hub-interest__title">
        {interest.organization.name}{" "}
        <Badge tone={STATUS_TONE[interest.status]}>{t(`hub.interest.status.${interest.status}`)}</Badge>
      </h3>
      <p className="hub-card__meta">
        {t("hub.interest.asRole", { role: t(`hub.roles.${interest.role}`) })}
        {interest.user ? ` · ${interest.user.displayName}` : null}
        {` · ${formatDate(interest.createdAt, i18n.language)}`}
      </p>
      {interest.message ? <p className="hub-text">{interest.message}</p> : null}
    </>
  );
}

interface InterestsProps {
  interests: readonly InterestRowFragment[];
  /** The publisher's representatives decide; its other people only read. */
  canDecide: boolean;
  onDone: () => void;
}

/** The publisher's view: every interest, and Confirm / Decline on those pending (the version read is sent). */
export function Interests({ interests, canDecide, onDone }: InterestsProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="hub-interests">
      <h2 id="hub-interests">{t("hub.interest.listTitle")}</h2>
      {interests.length === 0 ? (
        <p>{t("hub.interest.none")}</p>
      ) : (
        <ul className="hub-list">
          {interests.map((interest) => (
            <li key={interest.id} className="hub-interest">
              <InterestBody interest={interest} />
              {canDecide && interest.status === "PENDING" ? <Decide interest={interest} onDone={onDone} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Decide({ interest, onDone }: { interest: InterestRowFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const [decide, { loading, error }] = useMutation(decideMutation, { onCompleted: onDone, onError: onDone });
  const send = (decision: "CONFIRM" | "DECLINE") =>
    void decide({ variables: { input: { id: interest.id, version: interest.version, decision } } }).catch(
      () => undefined,
    );
  const name = interest.organization.name;
  return (
    <>
      <p className="actions">
        <Button
          size="sm"
          busy={loading}
          onClick={() => send("CONFIRM")}
          aria-label={t("hub.interest.confirmLabel", { name })}
        >
          {t("hub.interest.confirm")}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          busy={loading}
          onClick={() => send("DECLINE")}
          aria-label={t("hub.interest.declineLabel", { name })}
        >
          {t("hub.interest.decline")}
        </Button>
      </p>
      <Refusal error={error} />
    </>
  );
}

/** The interested side's view: its own interest and, while it stands, a way to withdraw it. */
export function OwnInterest({ interest, onDone }: { interest: InterestRowFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const [withdraw, { loading, error }] = useMutation(withdrawMutation, { onCompleted: onDone, onError: onDone });
  const standing = interest.status === "PENDING" || interest.status === "CONFIRMED";
  return (
    <section aria-labelledby="hub-own-interest" className="hub-interest">
      <h2 id="hub-own-interest">{t("hub.interest.ownTitle")}</h2>
      <InterestBody interest={interest} />
      {standing ? (
        <p className="actions">
          <Button
            size="sm"
            variant="danger"
            busy={loading}
            onClick={() =>
              void withdraw({ variables: { id: interest.id, version: interest.version } }).catch(() => undefined)
            }
          >
            {t("hub.interest.withdraw")}
          </Button>
        </p>
      ) : null}
      <Refusal error={error} />
    </section>
  );
}
