import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the test SMTP server does with the next messages. */
export type SmtpMode = 'accept' | 'refuse' | 'disconnect';

export type TestSmtp = {
  port: number;
  url: string;
  received: ParsedMail[];
  /** Connections that reached DATA, whatever the server then did. */
  attempts: number;
  setMode: (mode: SmtpMode) => void;
  close: () => Promise<void>;
};

/** A real SMTP server on a free local port (smtp-server), parsing what it accepts (mailparser). */
export async function startTestSmtp(o: { user?: string; password?: string } = {}): Promise<TestSmtp> {
  let mode: SmtpMode = 'accept';
  const state = { received: [] as ParsedMail[], attempts: 0 };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !o.user,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === o.user && auth.password === o.password) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      state.attempts += 1;
      if (mode === 'disconnect') {
        stream.resume();
        // Hang up mid-transaction, as a crashing or overloaded relay does.
        const connections = (server as unknown as { connections: Set<{ id: string; _socket: { destroy: () => void } }> }).connections;
        for (const c of connections) if (c.id === session.id) c._socket.destroy();
        setTimeout(() => callback(new Error('gone')), 10);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (mode === 'refuse') {
          const error = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            state.received.push(mail);
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${o.user ? `${o.user}:${o.password}@` : ''}127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get attempts() {
      return state.attempts;
    },
    setMode: (m) => {
      mode = m;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
