using Waymark.App.Journeys;

namespace Waymark.App.Tests.Journeys;

public sealed class WebhookRetryPolicyTests
{
    [Fact]
    public void DelayAfter_Default_DoublesFromOneMinute_CappedAtAnHour_AndStopsAfterEightAttempts()
    {
        var policy = new WebhookRetryPolicy();
        int[] minutes = [1, 2, 4, 8, 16, 32, 60];
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            Assert.Equal(TimeSpan.FromMinutes(minutes[attempt - 1]), policy.DelayAfter(attempt));
        }

        Assert.Null(policy.DelayAfter(8));
    }

    [Fact]
    public void DelayAfter_ManyAttempts_StaysAtTheCap()
    {
        var policy = new WebhookRetryPolicy { MaxAttempts = int.MaxValue };
        Assert.Equal(TimeSpan.FromHours(1), policy.DelayAfter(1_000_000));
    }

    [Fact]
    public void Dispatcher_WithACapBelowTheFirstDelay_IsRefused()
    {
        var policy = new WebhookRetryPolicy { FirstDelay = TimeSpan.FromMinutes(5), MaxDelay = TimeSpan.FromMinutes(1) };
        Assert.Throws<ArgumentOutOfRangeException>(policy.Validate);
    }
}
