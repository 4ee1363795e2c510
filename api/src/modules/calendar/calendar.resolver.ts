import { Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../../core/context.js";
import { OpenToRestricted } from "../../core/open-to-restricted.js";

/** The personal calendar feed's address (docs/calendars.md); the files themselves are HTTP routes. */
@Resolver()
export class CalendarFeedResolver {
  @Query(() => String, {
    nullable: true,
    description: "The viewer's personal calendar feed URL (an .ics of the events they registered for); null until made",
  })
  calendarFeedUrl(@Ctx() ctx: Context): Promise<string | null> {
    return ctx.services.calendarFeed.feedUrl(ctx.viewer);
  }

  // Following one's own registrations is no content: restricted accounts may keep their feed working.
  @OpenToRestricted()
  @Mutation(() => String, { description: "A new personal feed URL; the previous one stops working at once" })
  resetCalendarFeed(@Ctx() ctx: Context): Promise<string> {
    return ctx.services.calendarFeed.reset(ctx.viewer);
  }
}
