/** Bad command-line input: the CLI prints the message with a pointer to --help and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
