/**
 * reprint's error hierarchy. Every error carries a stable `code`; the CLI maps
 * classes to exit codes in one place (`cli/exit-codes.ts`). Messages are one line.
 */

/** Base class of every error reprint throws on purpose. */
export class ReprintError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Bad input the job cannot go on with: a missing path, an unreadable file. */
export class InputError extends ReprintError {
  /** The file (and line) the error is about. */
  readonly where: string;
  constructor(where: string, message: string, options?: { cause?: unknown; code?: string }) {
    super(options?.code ?? 'E_INPUT', `${where}: ${message}`, options);
    this.where = where;
  }
}

/** An option value that cannot be used; the message says what to do. */
export class OptionsError extends ReprintError {
  readonly option: string;
  constructor(option: string, message: string) {
    super('E_OPTION', `--${option}: ${message}`);
    this.option = option;
  }
}

/** Two sketches or indexes made with different parameters were compared. */
export class ParameterMismatchError extends ReprintError {
  constructor(message: string) {
    super('E_PARAMETER_MISMATCH', message);
  }
}

/** A stored index or report file that cannot be read as one. */
export class FormatError extends ReprintError {
  readonly where: string;
  constructor(where: string, message: string) {
    super('E_FORMAT', `${where}: ${message}`);
    this.where = where;
  }
}

/** A broken invariant: a bug in reprint, not in the input. */
export class InternalError extends ReprintError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_INTERNAL', message, options);
  }
}
