/** Jest global setup: tests run in UTC, as the model codebases do. */
export default function globalSetup(): void {
  process.env.TZ = 'UTC';
}
