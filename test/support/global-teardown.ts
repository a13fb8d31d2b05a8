export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __introsakEmbedded?: { stop(): Promise<void> } }).__introsakEmbedded;
  if (db) await db.stop();
}
