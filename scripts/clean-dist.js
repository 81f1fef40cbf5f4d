// Removes the previous bundle's JavaScript so renamed chunks do not linger in dist/.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
for (const dir of ["dist", "dist/cli"]) {
  let files = [];
  try {
    files = readdirSync(path.join(root, dir));
  } catch {
    continue;
  }
  for (const file of files.filter((f) => f.endsWith(".js"))) rmSync(path.join(root, dir, file));
}
