/** The command line of train:checkworthiness and eval:checkworthiness: `DIR [--claimbuster FILE]`. */
export interface DataArguments {
  /** Folder of CLEF 2019 Task 1 `.tsv` transcripts. */
  dir: string;
  /** ClaimBuster two-class JSON file, used as extra training sentences. */
  claimBuster?: string;
}

export function parseDataArguments(command: string, args: string[]): DataArguments {
  const usage = `Usage: npm run ${command} -- DIR [--claimbuster FILE]   (DIR: a folder of line<TAB>speaker<TAB>text<TAB>label .tsv files; FILE: ClaimBuster's two-class JSON)`;
  let dir: string | undefined;
  let claimBuster: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--claimbuster' && args[i + 1] && !claimBuster) claimBuster = args[++i];
    else if (!arg.startsWith('-') && !dir) dir = arg;
    else {
      console.error(`Unexpected argument ${JSON.stringify(arg)}.\n${usage}`);
      process.exit(2);
    }
  }
  if (!dir) {
    console.error(usage);
    process.exit(2);
  }
  return claimBuster ? { dir, claimBuster } : { dir };
}
