import type { Database } from "@pratica/db";
import type { Work } from "../../core/unit-of-work.js";

/**
 * The observatory's figures (docs/observatory.md): computed by SQL aggregates into
 * `observatory_monthly` and `observatory_state` by a job, read by the page as they were last
 * computed. Ground only: the refresh job and the reads come with the observatory's work.
 */
export class ObservatoryService {
  constructor(readonly db: Database) {}

  /**
   * Asks for a refresh once the unit of work commits (an organisation joined or withdrew, so the
   * partner figures change): debounced, so a burst of writes costs one refresh.
   */
  requestRefresh(_work: Work): void {}
}
