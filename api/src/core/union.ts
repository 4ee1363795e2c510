/** Union members are returned as plain objects tagged with their GraphQL type name. */
export const resolveByTypename = (value: unknown): string => (value as { __typename: string }).__typename;
