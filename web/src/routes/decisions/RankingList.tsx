import { useTranslation } from "react-i18next";
import { LiveAnnouncer } from "../../ui/LiveAnnouncer";
import { MoveButtons, useFocusTargets } from "../../ui/MoveButtons";
import { useAnnouncer } from "../../ui/useAnnouncer";
import { type DecisionOption, optionLabel } from "./types";

interface RankingListProps {
  options: DecisionOption[];
  /** Option ids, best first. */
  ranking: string[];
  onChange: (ranking: string[]) => void;
}

/**
 * A ranking made with the keyboard: each option has "move up" and "move down", focus follows
 * the moved option, and its new place is read out.
 */
export function RankingList({ options, ranking, onChange }: RankingListProps) {
  const { t, i18n } = useTranslation();
  const targets = useFocusTargets();
  const [announcement, announce] = useAnnouncer();
  const byId = new Map(options.map((option) => [option.id, option]));
  const ordered = ranking.map((id) => byId.get(id)).filter((option): option is DecisionOption => Boolean(option));
  return (
    <>
      <ol className="ranking">
        {ordered.map((option, index) => {
          const label = optionLabel(option, i18n.language);
          return (
            <li key={option.id} className="ranking__item" data-testid="ranking-item">
              <span className="ranking__place" aria-hidden="true">
                {index + 1}
              </span>
              <span className="ranking__label">{label}</span>
              <span className="ranking__moves">
                <MoveButtons
                  name={label}
                  index={index}
                  count={ordered.length}
                  id={option.id}
                  targets={targets}
                  onMove={(to, control) => {
                    const next = ordered.map((o) => o.id);
                    next.splice(index, 1);
                    next.splice(to, 0, option.id);
                    onChange(next);
                    announce(t("decisions.ballot.moved", { option: label, place: to + 1 }));
                    // The button pressed may now be disabled (at an end): keep focus on the row's other one then.
                    const atEnd = (control === "up" && to === 0) || (control === "down" && to === ordered.length - 1);
                    const key = `${option.id}:${atEnd ? (control === "up" ? "down" : "up") : control}`;
                    requestAnimationFrame(() => targets.focus(key));
                  }}
                />
              </span>
            </li>
          );
        })}
      </ol>
      <LiveAnnouncer announcement={announcement} />
    </>
  );
}
