import { Extensions } from "type-graphql";

/**
 * Marks a field whose value depends on who asks (`viewerReacted`, `email`, access-checked
 * lists…). Subscription results that select none of these are computed once per event and
 * shared by every subscriber of the same operation (server/shared-subscribe.ts).
 */
export const ViewerDependent = () => Extensions({ viewerDependent: true });
