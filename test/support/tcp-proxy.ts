/**
 * A TCP proxy between the API's pool and PostgreSQL, to make the network fail on purpose: cut every
 * connection (reset), stop forwarding without closing (a silent cut), refuse new connections (the
 * database unreachable), or cut a connection exactly around its COMMIT (before the COMMIT reaches
 * the server, or after the server committed but before its answer reaches the API).
 */
import net from 'node:net';

const COMMIT = Buffer.from('COMMIT\0');

export type CommitCut = 'before-commit' | 'after-commit';

export class TcpProxy {
  private server: net.Server;
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private silent = false;
  private commitCut: CommitCut | null = null;
  /** Resolves when an armed COMMIT cut has happened. */
  commitCutDone: Promise<void> = Promise.resolve();
  private signalCommitCut: () => void = () => undefined;
  port = 0;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = this.makeServer();
  }

  static async start(targetUrl: string): Promise<TcpProxy> {
    const u = new URL(targetUrl);
    const proxy = new TcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    await proxy.listen(0);
    return proxy;
  }

  /** targetUrl with its host and port replaced by the proxy's. */
  url(targetUrl: string): string {
    const u = new URL(targetUrl);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  private makeServer(): net.Server {
    return net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      const pair = { client, upstream };
      this.pairs.add(pair);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.on('data', (chunk: Buffer) => {
        if (this.silent) return;
        if (this.commitCut === 'before-commit' && chunk.includes(COMMIT)) return this.cutForCommit(drop);
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => {
        if (this.silent) return;
        if (this.commitCut === 'after-commit' && chunk.includes(COMMIT)) return this.cutForCommit(drop);
        client.write(chunk);
      });
    });
  }

  private cutForCommit(drop: () => void): void {
    this.commitCut = null;
    drop();
    this.signalCommitCut();
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.port = (this.server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  }

  /** Resets every open connection through the proxy (both sides see the socket close). */
  cutAll(): void {
    for (const p of [...this.pairs]) {
      p.client.destroy();
      p.upstream.destroy();
    }
    this.pairs.clear();
  }

  /** Stops forwarding in both directions without closing anything: the network went silent. */
  goSilent(): void {
    this.silent = true;
  }

  /** The next connection that sends (before-commit) or is answered (after-commit) a COMMIT is cut right there. */
  armCommitCut(where: CommitCut): void {
    this.commitCut = where;
    this.commitCutDone = new Promise((resolve) => (this.signalCommitCut = resolve));
  }

  /** The database unreachable: the listener closes (connections are refused) and open ones are cut. */
  async down(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.cutAll();
    });
  }

  /** Reachable again, on the same port. */
  async up(): Promise<void> {
    this.silent = false;
    this.server = this.makeServer();
    await this.listen(this.port);
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => (this.server.listening ? this.server.close(() => resolve()) : resolve()));
  }
}
