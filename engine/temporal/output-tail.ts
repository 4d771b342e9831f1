import type { Readable } from 'node:stream';

/** Keeps only the last lines of a child's output, so a failure message can show them without unbounded memory. */
export class OutputTail {
  private lines: string[] = [];
  private partialLine = '';

  constructor(private readonly maxLines = 40) {}

  follow(stream: Readable): void {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => this.append(chunk));
  }

  append(chunk: string): void {
    const pieces = (this.partialLine + chunk).split('\n');
    this.partialLine = pieces.pop() ?? '';
    this.lines.push(...pieces);
    if (this.lines.length > this.maxLines) this.lines = this.lines.slice(-this.maxLines);
  }

  toString(): string {
    return [...this.lines, this.partialLine].filter((line) => line !== '').join('\n');
  }
}
