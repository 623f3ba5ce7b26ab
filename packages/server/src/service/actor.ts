// Who is writing: an API key with the `write` scope, or a command-line import run by an operator.

export interface Actor {
  /** The key's name, or "cli:<os user>" / the import's `--as` name. */
  name: string;
  /** The API key's id; null for command-line imports. */
  keyId: string | null;
}

export interface WriteOptions {
  actor: Actor;
  /** Today's date in Vietnam (YYYY-MM-DD): no date may lie after it. */
  today: string;
}
