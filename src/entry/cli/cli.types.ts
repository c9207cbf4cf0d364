export type CliIo = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };
export type CliCommand = {
  summary: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
};
