import mysql from "mysql2/promise";

export interface ErrorRate {
  service: string;
  total: number;
  errors: number;
}

export class MetricsStore {
  constructor(private readonly pool: mysql.Pool) {}

  static fromEnv(): MetricsStore {
    return new MetricsStore(
      mysql.createPool({
        host: process.env.METRICS_DB_HOST,
        user: process.env.METRICS_DB_USER,
        password: process.env.METRICS_DB_PASSWORD,
        database: "observability",
        connectionLimit: 4,
      }),
    );
  }

  async errorRate(service: string, minutes: number): Promise<ErrorRate> {
    const [rows] = await this.pool.execute<mysql.RowDataPacket[]>(
      `SELECT COUNT(*) AS total, SUM(status >= 500) AS errors
         FROM requests
        WHERE service = ? AND ts > NOW() - INTERVAL ? MINUTE`,
      [service, minutes],
    );
    return { service, total: Number(rows[0].total), errors: Number(rows[0].errors ?? 0) };
  }

  async addIncidentNote(incidentId: string, author: string, note: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO incident_notes (incident_id, author, note, created_at) VALUES ('${incidentId}', '${author}', '${note}', NOW())`,
    );
  }
}

export const metrics = MetricsStore.fromEnv();
