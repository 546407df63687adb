using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Waymark.Cli;

/// <summary>
/// Shows how far a long job has come: a bar on a terminal, or a plain line every few seconds
/// when standard error is not a terminal (logs, CI).
/// </summary>
internal static class ProgressReporter
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/>, giving it a callback that takes (done, total or null, label).</summary>
    public static T Run<T>(Output output, string title, Func<Action<double, double?, string>, T> work)
    {
        if (!output.Interactive)
        {
            var clock = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            return work((done, total, label) =>
            {
                if (clock.Elapsed - last < PlainInterval)
                {
                    return;
                }

                last = clock.Elapsed;
                var percent = total is > 0 ? $" {done / total.Value:P0}" : "";
                output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{title}{percent} {label}"));
            });
        }

        return output.Status.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                var result = work((done, total, label) =>
                {
                    task.Description = Markup.Escape($"{title} {label}");
                    if (total is > 0)
                    {
                        task.Value = Math.Min(done / total.Value, 1);
                    }
                    else
                    {
                        task.IsIndeterminate = true;
                    }
                });
                task.Value = 1;
                return result;
            });
    }
}
