/**
 * Located diagnostics for the build. Every problem with an input file becomes a
 * VFileMessage with a place (line:column), a kebab-case rule id and a reason that reads
 * "Unexpected X, expected Y". Fatal ones stop the build; the rest are summarised.
 */
import { VFileMessage } from 'vfile-message';

export interface Place {
  /** 1-based line. */
  line: number;
  /** 1-based column (in UTF-16 code units, as editors count). */
  column: number;
}

export interface DiagnosticInit {
  file: string;
  place?: Place;
  ruleId: string;
  fatal?: boolean;
  /** An earlier diagnostic-worthy place this one depends on, e.g. a first definition. */
  cause?: VFileMessage;
}

const SOURCE = 'mekong-plans';

/** Creates a located diagnostic message. */
export function diagnostic(reason: string, init: DiagnosticInit): VFileMessage {
  const message = new VFileMessage(reason, {
    place: init.place,
    ruleId: init.ruleId,
    source: SOURCE,
    cause: init.cause,
  });
  message.file = init.file;
  message.fatal = init.fatal ?? true;
  return message;
}

/** Formats a message as `file:line:column: reason [rule-id]`, plus its cause. */
export function formatDiagnostic(message: VFileMessage): string {
  const where = message.line ? `${message.file}:${message.line}:${message.column ?? 1}` : message.file;
  const level = message.fatal ? 'error' : 'warning';
  let text = `${where}: ${level}: ${message.reason} [${message.ruleId}]`;
  if (message.cause instanceof VFileMessage) {
    const c = message.cause;
    text += `\n  ${c.file}:${c.line}:${c.column ?? 1}: ${c.reason}`;
  }
  return text;
}

/** Thrown when a stage found fatal problems; carries all of them, not just the first. */
export class BuildError extends Error {
  readonly messages: VFileMessage[];
  constructor(messages: VFileMessage[]) {
    super(messages.map(formatDiagnostic).join('\n'));
    this.name = 'BuildError';
    this.messages = messages;
  }
}

/** Collects diagnostics during a stage and throws once at the end if any is fatal. */
export class Diagnostics {
  readonly messages: VFileMessage[] = [];

  add(message: VFileMessage): VFileMessage {
    this.messages.push(message);
    return message;
  }

  error(reason: string, init: DiagnosticInit): VFileMessage {
    return this.add(diagnostic(reason, { ...init, fatal: true }));
  }

  warn(reason: string, init: DiagnosticInit): VFileMessage {
    return this.add(diagnostic(reason, { ...init, fatal: false }));
  }

  get warnings(): VFileMessage[] {
    return this.messages.filter((m) => !m.fatal);
  }

  /** Throws a BuildError with every fatal message collected so far. */
  throwIfFatal(): void {
    const fatal = this.messages.filter((m) => m.fatal);
    if (fatal.length > 0) throw new BuildError(fatal);
  }
}
