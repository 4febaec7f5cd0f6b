// Which databases a run tests: both unless TEST_DATABASES names some. TEST_DATABASES=sqlite
// is the edit-test loop (npm run test:quick), which then needs no PostgreSQL server at
// all; npm test runs both. Apart from databases.ts so that the global setup, which runs
// outside the test workers, can read it without importing vitest's test API.
export type DatabaseKind = 'sqlite' | 'postgres'

export function databasesToTest(setting: string | undefined): DatabaseKind[] {
  if (setting === undefined || setting === '') return ['sqlite', 'postgres']
  const kinds = setting.split(',').map((k) => k.trim())
  for (const kind of kinds)
    if (kind !== 'sqlite' && kind !== 'postgres')
      throw new Error(
        `TEST_DATABASES=${setting} is not understood: "sqlite", "postgres" or both, comma-separated.`,
      )
  return kinds as DatabaseKind[]
}
