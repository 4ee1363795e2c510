import { useTranslation } from "react-i18next";
import type { CaseState, ReportReason } from "../../gql/graphql";
import { SelectField } from "../../ui/Field";
import { AGES, CASE_STATES, type QueueFilters } from "./queueFilters";
import { REPORT_REASONS } from "./reasons";
import type { ModeratedCommunity } from "./useModeratedCommunities";

interface QueueFiltersFormProps {
  filters: QueueFilters;
  communities: ModeratedCommunity[];
  onChange: (filters: QueueFilters) => void;
}

/** The queue's filters: each choice applies at once and is kept in the address. */
export function QueueFiltersForm({ filters, communities, onChange }: QueueFiltersFormProps) {
  const { t } = useTranslation();
  return (
    <form className="queue-filters" aria-label={t("moderation.queue.filters")} onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label={t("moderation.queue.community")}
        value={filters.community ?? ""}
        onChange={(e) => onChange({ ...filters, community: e.target.value || null })}
      >
        <option value="">{t("moderation.queue.allCommunities")}</option>
        {communities.map((c) => (
          <option key={c.id} value={c.slug}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("moderation.queue.reason")}
        value={filters.reason ?? ""}
        onChange={(e) => onChange({ ...filters, reason: (e.target.value || null) as ReportReason | null })}
      >
        <option value="">{t("moderation.queue.anyReason")}</option>
        {REPORT_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {t(`moderation.reason.${reason}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("moderation.queue.state")}
        value={filters.state ?? ""}
        onChange={(e) => onChange({ ...filters, state: (e.target.value || null) as CaseState | null })}
      >
        <option value="">{t("moderation.queue.awaiting")}</option>
        {CASE_STATES.map((state) => (
          <option key={state} value={state}>
            {t(`moderation.state.${state}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("moderation.queue.age")}
        value={filters.olderThanHours ? String(filters.olderThanHours) : ""}
        onChange={(e) => onChange({ ...filters, olderThanHours: e.target.value ? Number(e.target.value) : null })}
      >
        <option value="">{t("moderation.queue.anyAge")}</option>
        {AGES.map((hours) => (
          <option key={hours} value={hours}>
            {t("moderation.queue.olderThan", { count: hours })}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("moderation.queue.order")}
        value={filters.newestFirst ? "newest" : "oldest"}
        onChange={(e) => onChange({ ...filters, newestFirst: e.target.value === "newest" })}
      >
        <option value="oldest">{t("moderation.queue.oldestFirst")}</option>
        <option value="newest">{t("moderation.queue.newestFirst")}</option>
      </SelectField>
    </form>
  );
}
