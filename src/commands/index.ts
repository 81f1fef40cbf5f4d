/** The commands shared by the CLI and the PR bot. */
import { generateCommand } from "./generate.js";
import { helpCommand } from "./help.js";
import { historyCommand } from "./history.js";
import { planCommand } from "./plan.js";
import { rollbackCommand } from "./rollback.js";
import { setupCommand } from "./setup.js";
import type { CommandDefinition } from "./types.js";
import { validateCommand } from "./validate.js";

export const COMMANDS: CommandDefinition[] = [
  setupCommand,
  validateCommand,
  planCommand,
  historyCommand,
  rollbackCommand,
  generateCommand,
  helpCommand(() => COMMANDS),
];

export function findCommand(name: string): CommandDefinition | undefined {
  return COMMANDS.find((c) => c.name === name);
}
