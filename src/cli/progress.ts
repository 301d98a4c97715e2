// A one-line progress bar on a terminal (articles, events, rate, ETA); silent when not a TTY.

export class Progress {
  private readonly started = Date.now();
  private last = 0;
  constructor(private readonly total: number | null, private readonly out: NodeJS.WriteStream = process.stderr) {}

  get enabled(): boolean { return !!this.out.isTTY; }

  update(done: number, events: number, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const secs = Math.max(0.001, (now - this.started) / 1000);
    const rate = done / secs;
    const eta = this.total && rate > 0 ? Math.max(0, (this.total - done) / rate) : null;
    const width = 24;
    const bar = this.total ? '█'.repeat(Math.round((done / this.total) * width)).padEnd(width, '░') : '';
    const line = `${bar} ${done}${this.total ? `/${this.total}` : ''} articles, ${events} events, ${rate.toFixed(1)}/s${eta !== null ? `, ETA ${eta.toFixed(0)}s` : ''}`;
    this.out.write(`\r${line.slice(0, (this.out.columns ?? 100) - 1)}\x1b[K`);
  }

  finish(): void { if (this.enabled) this.out.write('\n'); }
}
