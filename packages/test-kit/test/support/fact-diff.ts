/** Lists what one set of facts has and the other lacks, one line per item; empty when they agree. */
export function factDifferences(expected: readonly string[], actual: readonly string[]): string[] {
  const have = new Set(actual);
  const want = new Set(expected);
  return [
    ...expected.filter((fact) => !have.has(fact)).map((fact) => `missing from the database: ${fact}`),
    ...actual.filter((fact) => !want.has(fact)).map((fact) => `not in the schema:         ${fact}`),
  ];
}
