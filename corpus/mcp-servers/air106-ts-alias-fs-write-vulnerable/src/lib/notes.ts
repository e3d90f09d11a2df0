import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export const NOTES_DIR = path.resolve(process.env.NOTES_DIR ?? "notes");

export async function saveNote(name: string, body: string): Promise<string> {
  const target = path.join(NOTES_DIR, name);
  await mkdir(path.dirname(target), { recursive: true }); // expect: AIR106
  await writeFile(target, body, "utf8"); // expect: AIR106
  return target;
}
