import type { Programme } from "@pratica/rules";

/**
 * A call's programme from its identifier's first segment ("HORIZON-CL2-2027-01-…" → HORIZON).
 * The portal's identifiers start with the programme's own abbreviation, so the first segment is
 * enough; an identifier with no letters in it is UNKNOWN, one we do not know OTHER.
 */
const BY_PREFIX: readonly [RegExp, Programme][] = [
  [/^HORIZON/, "HORIZON"],
  [/^(ESF|SOCPL)/, "ESF_PLUS"],
  [/^ERASMUS/, "ERASMUS_PLUS"],
  [/^CERV$/, "CERV"],
  [/^INTERREG/, "INTERREG"],
  [/^LIFE$/, "LIFE"],
  [/^CREA$/, "CREATIVE_EUROPE"],
  [/^DIGITAL$/, "DIGITAL"],
  [/^SMP$/, "SMP"],
  [/^AMIF$/, "AMIF"],
  [/^EU4H$/, "EU4HEALTH"],
  [/^EUSPA$/, "EUSPA"],
];

export function programmeOf(identifier: string): Programme {
  const first =
    identifier
      .trim()
      .toUpperCase()
      .split(/[-_\s]/)[0] ?? "";
  if (!/[A-Z]/.test(first)) return "UNKNOWN";
  return BY_PREFIX.find(([pattern]) => pattern.test(first))?.[1] ?? "OTHER";
}
