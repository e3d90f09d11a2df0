import pg from "pg";

export class TicketStore {
  private pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url });
  }

  async search(term: string, limit: number) {
    const { rows } = await this.pool.query(
      "SELECT id, title FROM tickets WHERE title ILIKE $1 ORDER BY id DESC LIMIT $2",
      [`%${term}%`, limit],
    );
    return rows;
  }
}
