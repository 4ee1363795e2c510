import { SanctionBanner } from "../ui/SanctionBanner";
import { useViewer } from "./session";

/** Under the header, on every page, for an account suspended or restricted platform-wide. */
export function PlatformSanctionBanner() {
  const { viewer } = useViewer();
  return (
    <SanctionBanner
      scope="platform"
      suspendedUntil={viewer?.suspendedUntil}
      restrictedUntil={viewer?.restrictedUntil}
    />
  );
}
