/**
 * `npm run studio -- [DIR] [--port N]`: starts the knowledge studio on this computer for the
 * knowledge folder DIR (default `knowledge`) and prints its address.
 */
import { startStudio } from '../studio/server.js';

const USAGE = 'usage: npm run studio -- [DIR] [--port N]';

async function main(args: string[]): Promise<number> {
  let dir: string | undefined;
  let port: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--port') {
      port = Number(args[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`--port needs a number from 0 to 65535\n${USAGE}`);
        return 2;
      }
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('-') || dir !== undefined) {
      console.error(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
      return 2;
    } else {
      dir = arg;
    }
  }
  try {
    const studio = await startStudio({ dir, port });
    // Stopped with Ctrl+C (or by the system): close properly, so that the folder's lock is
    // removed and the next studio on the folder starts without a word.
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void studio.close().finally(() => process.exit(0));
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
    console.log(`Knowledge studio for ${studio.dir}: ${studio.url}\n(only this computer can open it; press Ctrl+C to stop)`);
    return -1;
  } catch (error) {
    console.error(`studio: ${(error as Error).message}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exit(code);
});
