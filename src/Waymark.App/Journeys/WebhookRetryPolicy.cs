namespace Waymark.App.Journeys;

/// <summary>
/// How <see cref="WebhookDispatcher"/> retries: after the n-th failed attempt (n from 1) a message
/// is due again <see cref="FirstDelay"/> × 2^(n−1) later, at most <see cref="MaxDelay"/> later;
/// after <see cref="MaxAttempts"/> failed attempts it is marked failed and never sent again.
/// Defaults: 1 minute doubling, capped at 1 hour, 8 attempts (the last about 2 hours after the first).
/// </summary>
public sealed record WebhookRetryPolicy
{
    /// <summary>The wait after the first failed attempt. Positive.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts. At least <see cref="FirstDelay"/>.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How many attempts, the first included, before a message is marked failed. At least 1.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>How long one POST may take, in real time, before it counts as a failed attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long <see cref="WebhookDispatcher.RunAsync"/> waits between two looks at the outbox.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The wait after failed attempt <paramref name="attempt"/> (1 for the first), or null when that
    /// was the last attempt allowed.
    /// </summary>
    public TimeSpan? DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        // Doubling past the cap would overflow long before 63 attempts; stop doubling once capped.
        var delay = FirstDelay;
        for (var i = 1; i < attempt && delay < MaxDelay; i++)
        {
            delay += delay;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FirstDelay, TimeSpan.Zero, nameof(FirstDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, FirstDelay, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(AttemptTimeout, TimeSpan.Zero, nameof(AttemptTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
    }
}
