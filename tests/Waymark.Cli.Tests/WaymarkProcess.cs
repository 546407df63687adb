using System.Diagnostics;
using System.Text;

namespace Waymark.Cli.Tests;

/// <summary>Runs the built <c>waymark</c> as a real process, as a user would.</summary>
internal sealed class WaymarkProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private WaymarkProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static WaymarkProcess Start(params string[] args) => StartIn(null, args);

    /// <summary>Starts waymark in <paramref name="workingDirectory"/> (null: this process's).</summary>
    public static WaymarkProcess StartIn(string? workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "waymark.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new WaymarkProcess(Process.Start(start)!);
    }

    /// <summary>Runs to the end and returns the exit code and output.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var process = Start(args);
        process.WaitForExit(TimeSpan.FromMinutes(5));
        return (process.ExitCode, process.Stdout, process.Stderr);
    }

    public void WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"waymark did not finish in {timeout}; stderr: {Stderr}");
        }

        _process.WaitForExit();
    }

    /// <summary>Sends SIGKILL: no handler, no flush, no cleanup runs in the process.</summary>
    public void KillHard()
    {
        Assert.Equal(0, Kill(_process.Id, 9));
        _process.WaitForExit();
    }

    public void Dispose() => _process.Dispose();

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
