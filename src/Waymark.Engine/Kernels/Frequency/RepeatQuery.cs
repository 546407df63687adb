using Waymark.Core.Conditions;

namespace Waymark.Engine.Kernels.Frequency;

/// <summary>
/// The time between repeats of an event (purchase frequency, time to repurchase): for each
/// subject, the gaps between its consecutive matching events.
/// </summary>
public sealed class RepeatQuery
{
    /// <summary>
    /// The default histogram bounds: 1 hour, 1 day, 2, 7, 14, 30, 60, 90, 180 and 365 days.
    /// </summary>
    public static IReadOnlyList<TimeSpan> DefaultBounds { get; } =
    [
        TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14),
        TimeSpan.FromDays(30), TimeSpan.FromDays(60), TimeSpan.FromDays(90), TimeSpan.FromDays(180), TimeSpan.FromDays(365),
    ];

    /// <summary>Creates the query.</summary>
    /// <param name="event">The repeated event.</param>
    /// <param name="bounds">Histogram bucket bounds, strictly ascending, positive, whole milliseconds; <see cref="DefaultBounds"/> when null.</param>
    /// <exception cref="ArgumentException">The bounds are not strictly ascending positive whole milliseconds.</exception>
    public RepeatQuery(EventCondition @event, IReadOnlyList<TimeSpan>? bounds = null)
    {
        ArgumentNullException.ThrowIfNull(@event);
        bounds ??= DefaultBounds;
        var milliseconds = new long[bounds.Count];
        for (var i = 0; i < bounds.Count; i++)
        {
            if (bounds[i].Ticks % TimeSpan.TicksPerMillisecond != 0 || bounds[i] <= TimeSpan.Zero || (i > 0 && bounds[i] <= bounds[i - 1]))
            {
                throw new ArgumentException($"Histogram bound {i} ({bounds[i]}) must be a positive whole number of milliseconds, above the bound before it.", nameof(bounds));
            }

            milliseconds[i] = bounds[i].Ticks / TimeSpan.TicksPerMillisecond;
        }

        Event = @event;
        BoundsMs = milliseconds;
    }

    /// <summary>The repeated event.</summary>
    public EventCondition Event { get; }

    /// <summary>The histogram bucket bounds in milliseconds: bucket 0 is <c>[0, b0)</c>, bucket i is <c>[b(i-1), b(i))</c>, the last is <c>[b(last), ∞)</c>.</summary>
    public IReadOnlyList<long> BoundsMs { get; }
}
