import pg from "pg";

export class SessionStore {
  constructor(private readonly pool: pg.Pool) {}

  async countActive(): Promise<number> {
    const { rows } = await this.pool.query("SELECT count(*) AS n FROM sessions WHERE revoked = false");
    return Number(rows[0].n);
  }

  async expireOlderThan(days: number): Promise<number> {
    const res = await this.pool.query(
      "DELETE FROM sessions WHERE last_seen < now() - make_interval(days => $1)",
      [days],
    );
    return res.rowCount ?? 0;
  }
}
