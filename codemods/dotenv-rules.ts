// The dotenv rules (codemods/dotenv/), run on the `.flaskenv` / `.env` files Flask loads instead
// of Python files. Kept apart from the Python registry, as the template rules are.
import type { DotenvRule } from "../src/dotenv/rule.js";
import flaskEnv from "./dotenv/flask-env.js";

export const dotenvRules: readonly DotenvRule[] = [flaskEnv];
