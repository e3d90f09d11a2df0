import Database from "better-sqlite3";

export const db = new Database(process.env.HELPDESK_DB ?? "./helpdesk.sqlite");

db.exec(`
  CREATE TABLE IF NOT EXISTS devices (
    id INTEGER PRIMARY KEY, hostname TEXT UNIQUE, serial TEXT, owner_email TEXT, os TEXT, last_seen TEXT
  );
  CREATE TABLE IF NOT EXISTS customers (
    id INTEGER PRIMARY KEY, email TEXT UNIQUE, name TEXT, plan TEXT, sso_user_id TEXT
  );
`);

export type DeviceRow = { id: number; hostname: string; serial: string; owner_email: string; os: string };
