import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface AdminStatus {
  tone: "success" | "error";
  text: string;
}

/**
 * Which entity of an admin list is open in its form ("new" for one being created), and what the
 * form is told: remount on a newer version, say why after a CONFLICT, report the outcome above the list.
 */
export function useAdminEditing<T extends { id: string; updatedAt: unknown }>(
  items: readonly T[],
  refetch: () => Promise<unknown>,
) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [stale, setStale] = useState(false);
  const [status, setStatus] = useState<AdminStatus | null>(null);

  function open(which: string | "new" | null) {
    setEditing(which);
    setStale(false);
    setStatus(null);
  }

  const edited = editing && editing !== "new" ? items.find((item) => item.id === editing) : undefined;
  const formOpen = editing === "new" || edited !== undefined;
  return {
    open,
    edited,
    formOpen,
    status,
    setStatus,
    /** Keyed by version, so a reload after a CONFLICT starts the form from the current values. */
    formKey: edited ? `${edited.id}:${String(edited.updatedAt)}` : "new",
    formProps: {
      notice: stale ? t("admin.conflict") : null,
      onStale: async () => {
        await refetch();
        setStale(true);
      },
      onCancel: () => open(null),
      onDone: async (message: string) => {
        if (editing === "new") await refetch();
        open(null);
        setStatus({ tone: "success", text: message });
      },
    },
  };
}
