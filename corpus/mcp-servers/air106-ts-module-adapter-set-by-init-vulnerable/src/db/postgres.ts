import pg from "pg";

export class PostgresAdapter {
  private pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url });
  }

  async all(sql: string): Promise<unknown[]> {
    const res = await this.pool.query(sql);
    return res.rows;
  }
}
