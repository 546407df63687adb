using Waymark.Cli;

return CommandLine.Run(args, Output.ForConsole());
