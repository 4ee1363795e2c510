import { METRO_MUNICIPALITIES } from "@pratica/rules";
import { Query, Resolver } from "type-graphql";
import { Municipality } from "./municipality.type.js";

@Resolver()
export class MunicipalityResolver {
  @Query(() => [Municipality], {
    description: "Every municipality of the metropolitan area of Torino (ISTAT codes), by name",
  })
  municipalities(): readonly Municipality[] {
    return SORTED;
  }
}

const SORTED = [...METRO_MUNICIPALITIES].sort((a, b) => a.name.localeCompare(b.name, "it"));
