import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  console.log('[probe] console.log from test index, env=' + process.env.SPECREADY_IT_PROBE);
  process.stdout.write('[probe] stdout.write\n');
  console.error('[probe] console.error');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} failed`)) : resolve()));
  });
}
