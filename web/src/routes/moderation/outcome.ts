/** What a decision or an appeal did, said at the top of the case page (the form may be gone). */
export interface Outcome {
  tone: "success" | "error";
  title?: string;
  text: string;
}
