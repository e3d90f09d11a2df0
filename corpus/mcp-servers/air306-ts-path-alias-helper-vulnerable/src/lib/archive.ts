import { rm } from "node:fs/promises";
import path from "node:path";

const ARCHIVE = "/srv/tickets/archive";

export async function dropArchivedTicket(ticketId: string): Promise<void> {
  await rm(path.join(ARCHIVE, path.basename(ticketId)), { recursive: true, force: true });
}
