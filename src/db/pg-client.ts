import { Client, ClientConfig } from 'pg';

/**
 * A single connection for scripts and maintenance (backup, restore, audit verification), connected.
 * It listens for 'error' for its whole life: a connection that dies (restart, terminated backend,
 * network cut) then fails the statement that is waiting or the next one, which the script reports,
 * instead of an 'error' event with no listener ending the process from inside pg.
 */
export async function connectClient(connectionString: string, extra: Omit<ClientConfig, 'connectionString'> = {}): Promise<Client> {
  const client = new Client({ connectionString, keepAlive: true, ...extra });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
