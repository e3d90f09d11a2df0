import type { Tool } from "fastmcp";
import type { z } from "zod";

// fastmcp's Tool is generic over session auth + params; we don't use auth sessions here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type OpsTool = Tool<undefined, z.ZodObject<any>>;
