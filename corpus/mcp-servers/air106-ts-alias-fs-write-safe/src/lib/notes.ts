import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export const NOTES_DIR = path.resolve(process.env.NOTES_DIR ?? "notes");

export async function saveNote(name: string, body: string): Promise<string> {
  const target = path.resolve(NOTES_DIR, name);
  if (!target.startsWith(NOTES_DIR + path.sep)) {
    throw new Error(`${name} is outside the notes folder`);
  }
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, body, "utf8");
  return target;
}
