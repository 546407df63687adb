using Waymark.Bench;
using Waymark.Bench.Engine;
using Waymark.Bench.Journeys;

// Macro benchmarks, each measured in a child process (see Measurement). Usage:
//   dotnet run -c Release --project bench/Waymark.Bench -- ingest [--events N] [--dir DIR]
//   dotnet run -c Release --project bench/Waymark.Bench -- engine [--events N] [--dir DIR] [--cases a,b]
//   dotnet run -c Release --project bench/Waymark.Bench -- journeys [--events N] [--tracker-events N] [--dir DIR] [--maps DIR]
return args switch
{
    ["ingest", .. var rest] => IngestBench.Run(rest),
    ["engine", .. var rest] => EngineBench.Run(rest),
    ["journeys", .. var rest] => JourneysBench.Run(rest),
    ["child", .. var rest] => Children.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Waymark.Bench ingest [--events N] [--dir DIR]");
    Console.Error.WriteLine("       Waymark.Bench engine [--events N] [--dir DIR] [--cases a,b]");
    Console.Error.WriteLine("       Waymark.Bench journeys [--events N] [--tracker-events N] [--dir DIR] [--maps DIR]");
    return 2;
}
