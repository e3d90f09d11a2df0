import pg from "pg";

export class TicketStore {
  private pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url });
  }

  async search(term: string, limit: number) {
    const sql = `SELECT id, title FROM tickets WHERE title ILIKE '%${term}%' ORDER BY id DESC LIMIT ${limit}`;
    const { rows } = await this.pool.query(sql); // expect: AIR106
    return rows;
  }
}
