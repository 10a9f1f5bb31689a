/**
 * `npm run codegen:check`: generates every file codegen.ts describes into a temporary folder
 * (formatted as `npm run codegen` formats them) and fails, naming the files, when a committed one
 * differs: the schema and the code have drifted. `npm run codegen` rewrites them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { executeCodegen } from '@graphql-codegen/cli';
import prettier from 'prettier';
import config from '../codegen';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  // Generated in memory only; the hooks (prettier) run on written files, so formatting is done here.
  const { result, error } = await executeCodegen({ ...config, hooks: {}, silent: true, cwd: root });
  if (error) throw error;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'tenantry-codegen-'));
  const stale: string[] = [];
  for (const output of result) {
    const committedFile = path.resolve(root, output.filename);
    const options = await prettier.resolveConfig(committedFile);
    const expected = await prettier.format(output.content, { ...options, filepath: committedFile });
    const fresh = path.join(temp, path.relative(root, committedFile));
    fs.mkdirSync(path.dirname(fresh), { recursive: true });
    fs.writeFileSync(fresh, expected);
    const committed = fs.existsSync(committedFile) ? fs.readFileSync(committedFile, 'utf8') : null;
    if (committed !== expected) stale.push(path.relative(root, committedFile));
  }
  if (stale.length > 0) {
    console.error(
      `Generated files are stale (the schema changed, or they were edited by hand):\n${stale.map((file) => `  ${file}`).join('\n')}\n` +
        `Run \`npm run codegen\` and commit the result. What codegen would write is in ${temp}.`,
    );
    process.exit(1);
  }
  fs.rmSync(temp, { recursive: true, force: true });
  console.log(`${result.length} generated files are current.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
