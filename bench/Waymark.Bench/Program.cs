using Waymark.Bench;
using Waymark.Bench.Engine;

// Macro benchmarks, each measured in a child process (see Measurement). Usage:
//   dotnet run -c Release --project bench/Waymark.Bench -- ingest [--events N] [--dir DIR]
//   dotnet run -c Release --project bench/Waymark.Bench -- engine [--events N] [--dir DIR] [--cases a,b]
return args switch
{
    ["ingest", .. var rest] => IngestBench.Run(rest),
    ["engine", .. var rest] => EngineBench.Run(rest),
    ["child", .. var rest] => Children.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Waymark.Bench ingest [--events N] [--dir DIR]");
    Console.Error.WriteLine("       Waymark.Bench engine [--events N] [--dir DIR] [--cases a,b]");
    return 2;
}
