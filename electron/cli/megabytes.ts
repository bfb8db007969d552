/** Sizes as the CLI prints them: megabytes with one decimal, the unit the settings use too. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
