using Waymark.Bench;

// Macro benchmarks, each measured in a child process (see Measurement). Usage:
//   dotnet run -c Release --project bench/Waymark.Bench -- ingest [--events N] [--dir DIR]
return args switch
{
    ["ingest", .. var rest] => IngestBench.Run(rest),
    ["child", .. var rest] => Children.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Waymark.Bench ingest [--events N] [--dir DIR]");
    return 2;
}
