using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>One simulated person of an account and when they are known and active.</summary>
internal sealed class Person
{
    public required string Id { get; init; }

    /// <summary>Set for people who first meet the vendor as anonymous website visitors.</summary>
    public string? AnonymousId { get; set; }

    public required Role[] Roles { get; init; }

    public required string[] RoleNames { get; init; }

    public required Properties Traits { get; init; }

    /// <summary>Milliseconds from the start when the person becomes known (identify + group); long.MaxValue = never.</summary>
    public long KnownAt { get; set; } = long.MaxValue;

    /// <summary>Milliseconds from the start after which the person does nothing (left the company).</summary>
    public long LeftAt { get; set; } = long.MaxValue;

    /// <summary>Product sessions per week at full engagement.</summary>
    public double SessionsPerWeek { get; init; }

    public bool Has(Role role) => Array.IndexOf(Roles, role) >= 0;
}
