import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { graphql } from "../../gql";
import type { PartnerSearchStatus } from "../../gql/graphql";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Refusal } from "./Refusal";

const closeMutation = graphql(`
  mutation ClosePartnerSearch($id: ID!, $version: Int!) {
    closePartnerSearch(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);
const withdrawMutation = graphql(`
  mutation WithdrawPartnerSearch($id: ID!, $version: Int!) {
    withdrawPartnerSearch(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);

interface Props {
  id: string;
  version: number;
  status: PartnerSearchStatus;
  onDone: () => void;
}

/** The publisher closes the search (found its partners) or withdraws it (no longer applying). */
export function SearchOwnerActions({ id, version, status, onDone }: Props) {
  const { t } = useTranslation();
  const options = { variables: { id, version }, onCompleted: onDone, onError: onDone };
  const [close, closing] = useMutation(closeMutation, options);
  const [withdraw, withdrawing] = useMutation(withdrawMutation, options);
  // Withdrawing hides the search from everyone and cannot be undone: asked once more.
  const [confirming, setConfirming] = useState(false);
  if (status !== "OPEN") return null;
  return (
    <section aria-labelledby="hub-owner-actions">
      <h2 id="hub-owner-actions">{t("hub.search.manage")}</h2>
      <p className="actions">
        <Button
          variant="secondary"
          size="sm"
          busy={closing.loading}
          onClick={() => void close().catch(() => undefined)}
        >
          {t("hub.search.close")}
        </Button>
        <Button variant="danger" size="sm" busy={withdrawing.loading} onClick={() => setConfirming(true)}>
          {t("hub.search.withdraw")}
        </Button>
      </p>
      <Dialog open={confirming} title={t("hub.search.withdrawTitle")} onClose={() => setConfirming(false)}>
        <p>{t("hub.search.withdrawBody")}</p>
        <p className="actions">
          <Button
            variant="danger"
            busy={withdrawing.loading}
            onClick={() => {
              setConfirming(false);
              void withdraw().catch(() => undefined);
            }}
          >
            {t("hub.search.withdraw")}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </Button>
        </p>
      </Dialog>
      <Refusal error={closing.error ?? withdrawing.error} />
    </section>
  );
}
